package org.rollbridge.core.indicators;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collection;
import java.util.Optional;

/**
 * Which days a school is open. Known from the school's own marks where there are any (a day on which some pupil had
 * a possible session); outside the span of known marks, or with no marks at all, Monday to Friday.
 */
public final class SchoolCalendar {

    private static final SchoolCalendar WEEKDAYS = new SchoolCalendar(new BitSet(), 0, -1);

    private final BitSet open;     // epoch day - first
    private final long first;      // epoch days; first > last when nothing is known
    private final long last;

    private SchoolCalendar(BitSet open, long first, long last) {
        this.open = open;
        this.first = first;
        this.last = last;
    }

    /** No knowledge of the school's calendar: every weekday is a school day. */
    public static SchoolCalendar weekdays() {
        return WEEKDAYS;
    }

    /** The days on which the school had pupils in possible sessions. */
    public static SchoolCalendar ofOpenDays(Collection<LocalDate> openDays) {
        if (openDays.isEmpty()) {
            return WEEKDAYS;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (LocalDate d : openDays) {
            first = Math.min(first, d.toEpochDay());
            last = Math.max(last, d.toEpochDay());
        }
        BitSet open = new BitSet((int) (last - first + 1));
        for (LocalDate d : openDays) {
            open.set((int) (d.toEpochDay() - first));
        }
        return new SchoolCalendar(open, first, last);
    }

    public boolean isSchoolDay(LocalDate date) {
        long e = date.toEpochDay();
        if (e < first || e > last) {
            DayOfWeek d = date.getDayOfWeek();
            return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
        }
        return open.get((int) (e - first));
    }

    /** The last day the school's marks tell us about, if they tell us anything. */
    public Optional<LocalDate> lastKnownDay() {
        return first > last ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(last));
    }

    /** The {@code n}th school day counting {@code from} as the first when it is a school day (n >= 1). */
    public LocalDate nthSchoolDay(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate d = from;
        int seen = 0;
        while (true) {
            if (isSchoolDay(d) && ++seen == n) {
                return d;
            }
            d = d.plusDays(1);
        }
    }

    /** School days from {@code from} to {@code to}, both included. */
    public int schoolDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isSchoolDay(d)) {
                n++;
            }
        }
        return n;
    }
}
