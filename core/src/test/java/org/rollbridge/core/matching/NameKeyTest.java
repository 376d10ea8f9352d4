package org.rollbridge.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void apostrophesSpacesHyphensAndCaseDoNotMatter() {
        assertThat(NameKey.of("O'Brien")).isEqualTo("OBRIEN").isEqualTo(NameKey.of("obrien"))
                .isEqualTo(NameKey.of(" O’ Brien "));
        assertThat(NameKey.of("Smith-Jones")).isEqualTo(NameKey.of("Smith Jones")).isEqualTo("SMITHJONES");
    }

    @Test
    void accentsAreRemovedAndSpecialLettersSpelledOut() {
        assertThat(NameKey.of("Zoë")).isEqualTo("ZOE");
        assertThat(NameKey.of("José")).isEqualTo("JOSE");
        assertThat(NameKey.of("Wiśniewski")).isEqualTo("WISNIEWSKI");
        assertThat(NameKey.of("Łukasz")).isEqualTo("LUKASZ");
        assertThat(NameKey.of("Müller")).isEqualTo("MULLER");
        assertThat(NameKey.of("Søren")).isEqualTo("SOREN");
        assertThat(NameKey.of("Strauß")).isEqualTo("STRAUSS");
    }

    @Test
    void blankIsEmpty() {
        assertThat(NameKey.of(null)).isEmpty();
        assertThat(NameKey.of("  ")).isEmpty();
        assertThat(NameKey.of("-'")).isEmpty();
    }

    @Test
    void partsOfDoubleBarrelledNames() {
        assertThat(NameKey.parts("Smith-Jones")).containsExactly("SMITH", "JONES");
        assertThat(NameKey.parts("da Silva")).containsExactly("DA", "SILVA");
        assertThat(NameKey.parts("O'Brien")).containsExactly("OBRIEN");
    }

    @Test
    void nicknamesAndTransliterationsAreEquivalent() {
        NameEquivalents eq = NameEquivalents.embedded();
        assertThat(eq.equivalent("BILL", "WILLIAM")).isTrue();
        assertThat(eq.equivalent("MOHAMMED", "MUHAMMAD")).isTrue();
        assertThat(eq.equivalent("MOHAMED", "MUHAMMAD")).isTrue();
        assertThat(eq.equivalent("ALEKSANDR", "ALEXANDER")).isTrue();
        assertThat(eq.equivalent("ALEX", "ALEXANDRA")).isTrue();
        assertThat(eq.equivalent("WILLIAM", "ROBERT")).isFalse();
        assertThat(eq.equivalent("JACK", "JACOB")).isFalse();
        assertThat(eq.equivalent("UNKNOWNNAME", "WILLIAM")).isFalse();
    }
}
