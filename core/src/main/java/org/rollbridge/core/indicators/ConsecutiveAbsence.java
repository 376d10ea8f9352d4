package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows consecutive school days absent, one school day at a time: a day extends the run, breaks it, or (for the
 * unauthorised-only run, on a day absent partly with and partly without permission) holds it unchanged.
 * Runs of at least {@code notableDays} are remembered, so each one can raise its own alert.
 */
final class ConsecutiveAbsence {

    private final int notableDays;
    private final List<Streak> notable = new ArrayList<>();
    private int days;
    private LocalDate start;
    private LocalDate end;
    private Streak longest = Streak.NONE;

    ConsecutiveAbsence(int notableDays) {
        this.notableDays = notableDays;
    }

    ConsecutiveAbsence copy() {
        ConsecutiveAbsence c = new ConsecutiveAbsence(notableDays);
        c.notable.addAll(notable);
        c.days = days;
        c.start = start;
        c.end = end;
        c.longest = longest;
        return c;
    }

    void extend(LocalDate day) {
        if (days == 0) {
            start = day;
        }
        days++;
        end = day;
        if (days > longest.days()) {
            longest = new Streak(days, start, end);
        }
    }

    void hold() {
        // A day that neither counts nor breaks the run.
    }

    void breakRun() {
        if (days >= notableDays) {
            notable.add(current());
        }
        days = 0;
        start = null;
        end = null;
    }

    Streak current() {
        return days == 0 ? Streak.NONE : new Streak(days, start, end);
    }

    Streak longest() {
        return longest;
    }

    /** Every run of at least the notable length, oldest first, including the one still running. */
    List<Streak> notableRuns() {
        List<Streak> all = new ArrayList<>(notable);
        if (days >= notableDays) {
            all.add(current());
        }
        return List.copyOf(all);
    }
}
