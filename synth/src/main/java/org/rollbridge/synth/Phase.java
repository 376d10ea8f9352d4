package org.rollbridge.synth;

import static org.rollbridge.core.code.NcYear.*;

import java.util.List;
import org.rollbridge.core.code.NcYear;

/** A school's phase, the year groups it may teach and where its establishment numbers sit (1xxx nursery, ...). */
public enum Phase {
    NURSERY(1000, 0.03, List.of(N1, N2)),
    PRIMARY(2000, 0.76, List.of(R, Y1, Y2, Y3, Y4, Y5, Y6)),
    SECONDARY(4000, 0.14, List.of(Y7, Y8, Y9, Y10, Y11, Y12, Y13)),
    ALL_THROUGH(4600, 0.015, List.of(R, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13)),
    SPECIAL(7000, 0.04, List.of(R, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14)),
    PRU(1100, 0.015, List.of(Y5, Y6, Y7, Y8, Y9, Y10, Y11));

    private final int firstEstab;
    private final double shareOfSchools;
    private final List<NcYear> years;

    Phase(int firstEstab, double shareOfSchools, List<NcYear> years) {
        this.firstEstab = firstEstab;
        this.shareOfSchools = shareOfSchools;
        this.years = years;
    }

    int firstEstab() {
        return firstEstab;
    }

    double shareOfSchools() {
        return shareOfSchools;
    }

    List<NcYear> years() {
        return years;
    }

    /** The phase whose national attendance figures describe a pupil of this year group at a school of this phase. */
    RatePhase ratePhase(NcYear year) {
        return switch (this) {
            case NURSERY -> RatePhase.NURSERY;
            case SPECIAL -> RatePhase.SPECIAL;
            case PRU -> RatePhase.PRU;
            case PRIMARY -> RatePhase.PRIMARY;
            case SECONDARY -> RatePhase.SECONDARY;
            case ALL_THROUGH -> year.ageAtStartOfYear() >= 11 ? RatePhase.SECONDARY : RatePhase.PRIMARY;
        };
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
