package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a pupil's indicators are measured over: the period, the as-of date (marks after it are not yet known), the
 * pupil's enrolment, the school's calendar, the MIS part-time timetable flag, and the streak length from which a
 * run of absence is remembered for alerting.
 */
public record IndicatorScope(Period period, LocalDate asOf, Enrolment enrolment, SchoolCalendar calendar,
                             boolean partTimeTimetable, int notableStreakDays) {

    public static final int DEFAULT_NOTABLE_STREAK_DAYS = 10;

    public IndicatorScope {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        enrolment = enrolment == null ? Enrolment.ALWAYS : enrolment;
        calendar = calendar == null ? SchoolCalendar.weekdays() : calendar;
        if (notableStreakDays < 1) {
            throw new IllegalArgumentException("notableStreakDays must be at least 1");
        }
    }

    /** The academic year containing {@code asOf}, weekdays calendar, no enrolment limits. */
    public static IndicatorScope academicYear(LocalDate asOf) {
        return new IndicatorScope(Period.academicYearContaining(asOf), asOf, Enrolment.ALWAYS,
                SchoolCalendar.weekdays(), false, DEFAULT_NOTABLE_STREAK_DAYS);
    }

    public IndicatorScope withEnrolment(Enrolment e) {
        return new IndicatorScope(period, asOf, e, calendar, partTimeTimetable, notableStreakDays);
    }

    public IndicatorScope withCalendar(SchoolCalendar c) {
        return new IndicatorScope(period, asOf, enrolment, c, partTimeTimetable, notableStreakDays);
    }

    public IndicatorScope withPartTimeTimetable(boolean p) {
        return new IndicatorScope(period, asOf, enrolment, calendar, p, notableStreakDays);
    }

    public IndicatorScope withNotableStreakDays(int n) {
        return new IndicatorScope(period, asOf, enrolment, calendar, partTimeTimetable, n);
    }
}
