package org.rollbridge.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of consecutive school days absent, counted DOMAIN's way: days with no possible session are skipped, a day
 * counts when every possible session is an absence, and any present or approved-activity mark ends the run.
 */
final class Streaks {

    /** A maximal run of {@code days} school days from session day {@code first} to {@code last}. */
    record Run(int first, int last, int days, boolean unauthorised) {
    }

    private Streaks() {
    }

    /** Runs of at least {@code minimum} days: any absence, and unauthorised absence only. */
    static List<Run> find(byte[] marks, int minimum) {
        List<Run> out = new ArrayList<>();
        scan(marks, minimum, false, out);
        scan(marks, minimum, true, out);
        return out;
    }

    private static void scan(byte[] marks, int minimum, boolean unauthorisedOnly, List<Run> out) {
        int days = marks.length / 2;
        int run = 0;
        int first = -1;
        int last = -1;
        for (int i = 0; i <= days; i++) {
            int state = i == days ? 2 : day(marks[2 * i], marks[2 * i + 1], unauthorisedOnly);
            if (state == 0) {
                continue;
            }
            if (state == 1) {
                if (run == 0) {
                    first = i;
                }
                run++;
                last = i;
                continue;
            }
            if (run >= minimum) {
                out.add(new Run(first, last, run, unauthorisedOnly));
            }
            run = 0;
        }
    }

    /** 0: no possible session (skipped); 1: absent all possible sessions; 2: breaks the run. */
    private static int day(byte am, byte pm, boolean unauthorisedOnly) {
        boolean amPossible = Mark.possible(am);
        boolean pmPossible = Mark.possible(pm);
        if (!amPossible && !pmPossible) {
            return 0;
        }
        boolean absent = (!amPossible || counts(am, unauthorisedOnly)) && (!pmPossible || counts(pm, unauthorisedOnly));
        return absent ? 1 : 2;
    }

    private static boolean counts(byte m, boolean unauthorisedOnly) {
        return unauthorisedOnly ? Mark.unauthorised(m) : Mark.absence(m);
    }
}
