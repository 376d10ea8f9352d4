package org.rollbridge.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChoiceTest {

    enum Term implements Choice {
        AUTUMN, SPRING_FIRST_HALF;

        @Override
        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase();
        }
    }

    @Test
    void anIdIsTheConstantsNameInLowerCaseWithHyphens() {
        assertThat(Term.AUTUMN.id()).isEqualTo("autumn");
        assertThat(Term.SPRING_FIRST_HALF.id()).isEqualTo("spring-first-half");
    }

    @Test
    void aValueIsFoundByItsIdWithSurroundingSpacesIgnored() {
        assertThat(Choice.byId(Term.class, "spring-first-half")).contains(Term.SPRING_FIRST_HALF);
        assertThat(Choice.byId(Term.class, "  autumn \t")).contains(Term.AUTUMN);
    }

    @Test
    void noValueForNullAnUnknownIdTheConstantsNameOrItsLabel() {
        assertThat(Choice.byId(Term.class, null)).isEmpty();
        assertThat(Choice.byId(Term.class, "")).isEmpty();
        assertThat(Choice.byId(Term.class, "summer")).isEmpty();
        assertThat(Choice.byId(Term.class, "SPRING_FIRST_HALF")).isEmpty();
        assertThat(Choice.byId(Term.class, "Autumn")).isEmpty();
    }

    @Test
    void theIdsAreListedInDeclarationOrder() {
        assertThat(Choice.ids(Term.class)).isEqualTo("autumn, spring-first-half");
    }
}
