package org.rollbridge.core.pupil;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstLanguageTest {

    @Test
    void englishIsNotEalAnotherLanguageIsAndRefusedOrMissingIsUnknown() {
        assertThat(FirstLanguage.eal("ENG")).isFalse();
        assertThat(FirstLanguage.eal(" enb ")).isFalse();
        assertThat(FirstLanguage.eal("POL")).isTrue();
        assertThat(FirstLanguage.eal("OTB")).isTrue();
        assertThat(FirstLanguage.eal("REF")).isNull();
        assertThat(FirstLanguage.eal("NOT")).isNull();
        assertThat(FirstLanguage.eal(null)).isNull();
        assertThat(FirstLanguage.eal(" ")).isNull();
    }
}
