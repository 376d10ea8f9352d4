package org.rollbridge.core.indicators;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which days a school is open. Known from the school's own marks where there are any (a day on which some pupil had
 * a possible session); outside the span of known marks, or with no marks at all, Monday to Friday.
 */
public final class SchoolCalendar {

    private static final SchoolCalendar WEEKDAYS = new SchoolCalendar(new TreeSet<>());

    private final TreeSet<LocalDate> open;

    private SchoolCalendar(TreeSet<LocalDate> open) {
        this.open = open;
    }

    /** No knowledge of the school's calendar: every weekday is a school day. */
    public static SchoolCalendar weekdays() {
        return WEEKDAYS;
    }

    /** The days on which the school had pupils in possible sessions. */
    public static SchoolCalendar ofOpenDays(Collection<LocalDate> openDays) {
        return openDays.isEmpty() ? WEEKDAYS : new SchoolCalendar(new TreeSet<>(openDays));
    }

    public boolean isSchoolDay(LocalDate date) {
        if (open.isEmpty() || date.isBefore(open.first()) || date.isAfter(open.last())) {
            DayOfWeek d = date.getDayOfWeek();
            return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
        }
        return open.contains(date);
    }

    /** The last day the school's marks tell us about, if they tell us anything. */
    public Optional<LocalDate> lastKnownDay() {
        return open.isEmpty() ? Optional.empty() : Optional.of(open.last());
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
