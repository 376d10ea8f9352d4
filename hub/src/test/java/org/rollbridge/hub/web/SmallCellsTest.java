package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SmallCellsTest {

    @Test
    void countsOfOneToNineAreLowAndZeroAndTenAreShown() {
        assertThat(SmallCells.count(0)).isEqualTo("0");
        assertThat(SmallCells.count(1)).isEqualTo("low");
        assertThat(SmallCells.count(9)).isEqualTo("low");
        assertThat(SmallCells.count(10)).isEqualTo("10");
    }

    @Test
    void aRateOverFewerThanTenPupilsIsLowAndNoRateIsX() {
        assertThat(SmallCells.rate(new BigDecimal("12.5"), 9)).isEqualTo("low");
        assertThat(SmallCells.rate(new BigDecimal("12.5"), 10)).isEqualTo("12.5");
        assertThat(SmallCells.rate(null, 50)).isEqualTo("x");
    }

    @Test
    void aLineOfFewerThanThreeSchoolsIsWithheld() {
        assertThat(SmallCells.shareable(2)).isFalse();
        assertThat(SmallCells.shareable(3)).isTrue();
    }

    @Test
    void phasesFollowTheDfeNumberingOfEstablishments() {
        assertThat(SchoolPhase.of("9262101")).isEqualTo(SchoolPhase.PRIMARY);
        assertThat(SchoolPhase.of("9265301")).isEqualTo(SchoolPhase.PRIMARY);
        assertThat(SchoolPhase.of("9264001")).isEqualTo(SchoolPhase.SECONDARY);
        assertThat(SchoolPhase.of("9265401")).isEqualTo(SchoolPhase.SECONDARY);
        assertThat(SchoolPhase.of("9267001")).isEqualTo(SchoolPhase.SPECIAL);
        assertThat(SchoolPhase.of("9261101")).isEqualTo(SchoolPhase.ALTERNATIVE_PROVISION);
        assertThat(SchoolPhase.of("9266001")).isEqualTo(SchoolPhase.OTHER);
    }
}
