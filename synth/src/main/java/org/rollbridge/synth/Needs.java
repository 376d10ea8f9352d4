package org.rollbridge.synth;

import static org.rollbridge.core.code.SenNeed.*;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenNeed;
import org.rollbridge.core.code.SenProvision;

/** Ranked types of special educational need, in the proportions England's census shows by phase. */
final class Needs {

    private static final SenNeed[] KINDS = {SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, NSA};
    private static final double[] PRIMARY = {6, 11, 0.5, 0.2, 19, 33, 1.5, 0.8, 0.1, 2.5, 13, 4, 4};
    private static final double[] SECONDARY = {18, 14, 0.5, 0.2, 27, 12, 2, 1, 0.1, 2.5, 16, 4, 3};
    private static final double[] SPECIAL = {1, 12, 15, 5, 17, 6, 1.5, 1, 0.5, 4, 36, 1, 0};
    private static final double[] PRU = {4, 8, 0, 0, 70, 6, 0.2, 0.2, 0, 0.5, 9, 2, 1};

    private Needs() {
    }

    static List<SenNeed> draw(Phase phase, NcYear year, SenProvision provision, RandomGenerator r) {
        double[] w = switch (phase) {
            case SPECIAL -> SPECIAL;
            case PRU -> PRU;
            default -> year.ageAtStartOfYear() >= 11 ? SECONDARY : PRIMARY;
        };
        List<SenNeed> needs = new ArrayList<>(2);
        needs.add(KINDS[Draw.weighted(r, w)]);
        // NSA (no specialist assessment) is only for SEN support and stands alone.
        if (needs.get(0) == NSA && provision == SenProvision.E) {
            needs.set(0, SLCN);
        }
        if (needs.get(0) != NSA && r.nextDouble() < (provision == SenProvision.E ? 0.45 : 0.2)) {
            SenNeed second = KINDS[Draw.weighted(r, w)];
            if (second != needs.get(0) && second != NSA) {
                needs.add(second);
            }
        }
        return needs;
    }
}
