package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.Optional;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.AttendanceGroup;

/**
 * Accumulates one pupil's marks into {@link PupilAttendance}, day by day, so the hub can keep a tally and add each
 * night's marks instead of re-reading the year. Marks must arrive in date order (the sessions of one day in any
 * order; a later mark for the same session replaces the earlier one). {@link #result()} may be taken at any time
 * and gives the same answer as measuring all the marks so far in one batch.
 *
 * <p>Marks after the as-of date, outside the pupil's enrolment, or outside both the period and the academic year
 * are ignored. {@code D} (at another school), {@code X}, {@code Z}, {@code #}, {@code Q} and {@code Y} are not
 * possible sessions: they neither count nor break a streak.
 */
public final class AttendanceTally {

    private final PupilKey key;
    private final IndicatorScope scope;
    private final Period counted;   // period ∩ enrolment ∩ up to as-of; null when empty
    private final Period year;      // academic year of as-of ∩ enrolment ∩ up to as-of; null when empty
    // The same two ranges as epoch days, for the per-mark test (empty ranges never match).
    private final long countedFrom;
    private final long countedTo;
    private final long yearFrom;
    private final long yearTo;

    private int possible;
    private int attended;
    private int aea;
    private int authorised;
    private int unauthorised;
    private int lateBefore;
    private int lateAfter;
    private int missing;
    private int unreadable;
    private int reduced;
    private int schoolDays;
    private int illnessInYear;
    private LocalDate lastMarked;
    private LocalDate lastSchoolDay;
    private LocalDate lastUnauthorised;
    private ConsecutiveAbsence absence;
    private ConsecutiveAbsence unauthorisedOnly;

    // The day being collected.
    private LocalDate day;
    private long dayEpoch;
    private final AttendanceCode[] codes = new AttendanceCode[2];
    private final boolean[] marked = new boolean[2];

    public AttendanceTally(PupilKey key, IndicatorScope scope) {
        this.key = key;
        this.scope = scope;
        Enrolment e = scope.enrolment();
        LocalDate last = min(scope.asOf(), e.left());
        this.counted = scope.period().intersect(e.admitted(), last).orElse(null);
        this.year = Period.academicYearContaining(scope.asOf()).intersect(e.admitted(), last).orElse(null);
        this.countedFrom = counted == null ? Long.MAX_VALUE : counted.from().toEpochDay();
        this.countedTo = counted == null ? Long.MIN_VALUE : counted.to().toEpochDay();
        this.yearFrom = year == null ? Long.MAX_VALUE : year.from().toEpochDay();
        this.yearTo = year == null ? Long.MIN_VALUE : year.to().toEpochDay();
        this.absence = new ConsecutiveAbsence(scope.notableStreakDays());
        this.unauthorisedOnly = new ConsecutiveAbsence(scope.notableStreakDays());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    public void accept(SessionMark mark) {
        accept(mark.date(), mark.session(), mark.attendanceCode());
    }

    /** One mark; an empty code is a mark whose code is not an attendance code. */
    public void accept(LocalDate date, Session session, Optional<AttendanceCode> code) {
        long e = date.toEpochDay();
        if ((e < countedFrom || e > countedTo) && (e < yearFrom || e > yearTo)) {
            return;
        }
        if (day != null && e != dayEpoch) {
            if (e < dayEpoch) {
                throw new IllegalArgumentException("marks must arrive in date order: a mark for " + date
                        + " came after marks for " + day + " (pupil " + key + ")");
            }
            closeDay();
        }
        day = date;
        dayEpoch = e;
        int i = session == Session.AM ? 0 : 1;
        if (code.isEmpty()) {
            unreadable++;
        }
        codes[i] = code.orElse(null);
        marked[i] = true;
    }

    /** The indicators for the marks so far. */
    public PupilAttendance result() {
        AttendanceTally t = copy();
        if (t.day != null) {
            t.closeDay();
        }
        t.countTrailingMissing();
        return new PupilAttendance(key, scope.period(), scope.asOf(), t.possible, t.attended, t.aea, t.authorised,
                t.unauthorised, t.lateBefore, t.lateAfter, t.missing, t.unreadable, t.reduced,
                scope.partTimeTimetable(), t.schoolDays, t.absence.current(), t.absence.longest(),
                t.unauthorisedOnly.current(), t.unauthorisedOnly.longest(), t.absence.notableRuns(),
                t.unauthorisedOnly.notableRuns(), t.illnessInYear, t.lastSchoolDay, t.lastUnauthorised);
    }

    private void closeDay() {
        if (dayEpoch >= yearFrom && dayEpoch <= yearTo) {
            for (AttendanceCode c : codes) {
                if (c == AttendanceCode.I) {
                    illnessInYear++;
                }
            }
        }
        if (dayEpoch >= countedFrom && dayEpoch <= countedTo) {
            countDay();
        }
        codes[0] = codes[1] = null;
        marked[0] = marked[1] = false;
        day = null;
    }

    private void countDay() {
        long gapFrom = lastMarked == null ? countedFrom : lastMarked.toEpochDay() + 1;
        if (gapFrom < dayEpoch) {      // days with no mark at all since the last marked day (rare in a CTF string)
            missing += 2 * openDaysBetween(LocalDate.ofEpochDay(gapFrom), day.minusDays(1));
        }
        if (scope.calendar().isSchoolDay(day)) {
            missing += (marked[0] ? 0 : 1) + (marked[1] ? 0 : 1);
        }
        lastMarked = day;

        int dayPossible = 0;
        int dayAbsent = 0;
        int dayUnauthorised = 0;
        for (AttendanceCode c : codes) {
            if (c == null || !c.possible()) {
                continue;
            }
            dayPossible++;
            AttendanceGroup g = c.group();
            switch (g) {
                case PRESENT -> attended++;
                case APPROVED_EDUCATIONAL_ACTIVITY -> aea++;
                case AUTHORISED_ABSENCE -> authorised++;
                case UNAUTHORISED_ABSENCE -> unauthorised++;
                case NOT_POSSIBLE -> { }
            }
            if (c.absence()) {
                dayAbsent++;
            }
            if (c.unauthorisedAbsence()) {
                dayUnauthorised++;
            }
            if (c == AttendanceCode.L) {
                lateBefore++;
            } else if (c == AttendanceCode.U) {
                lateAfter++;
            } else if (c == AttendanceCode.C2) {
                reduced++;
            }
        }
        possible += dayPossible;
        if (dayPossible == 0) {
            return;     // not a school day for this pupil: skipped by both streaks
        }
        schoolDays++;
        lastSchoolDay = day;
        if (dayUnauthorised > 0) {
            lastUnauthorised = day;
        }
        boolean absentAllDay = dayAbsent == dayPossible;
        if (absentAllDay) {
            absence.extend(day);
        } else {
            absence.breakRun();
        }
        if (dayUnauthorised == dayPossible) {
            unauthorisedOnly.extend(day);
        } else if (absentAllDay && dayUnauthorised > 0) {
            unauthorisedOnly.hold();    // absent all day, partly without permission: not a reason to restart
        } else {
            unauthorisedOnly.breakRun();
        }
    }

    private void countTrailingMissing() {
        if (counted == null) {
            return;
        }
        LocalDate known = scope.calendar().lastKnownDay().orElse(lastMarked);
        if (known == null) {
            return;
        }
        missing += 2 * openDaysBetween(lastMarkedOrStart(), min(counted.to(), known));
    }

    private LocalDate lastMarkedOrStart() {
        return lastMarked == null ? counted.from() : lastMarked.plusDays(1);
    }

    private int openDaysBetween(LocalDate from, LocalDate to) {
        return from.isAfter(to) ? 0 : scope.calendar().schoolDaysBetween(from, to);
    }

    private AttendanceTally copy() {
        AttendanceTally t = new AttendanceTally(key, scope);
        t.possible = possible;
        t.attended = attended;
        t.aea = aea;
        t.authorised = authorised;
        t.unauthorised = unauthorised;
        t.lateBefore = lateBefore;
        t.lateAfter = lateAfter;
        t.missing = missing;
        t.unreadable = unreadable;
        t.reduced = reduced;
        t.schoolDays = schoolDays;
        t.illnessInYear = illnessInYear;
        t.lastMarked = lastMarked;
        t.lastSchoolDay = lastSchoolDay;
        t.lastUnauthorised = lastUnauthorised;
        t.absence = absence.copy();
        t.unauthorisedOnly = unauthorisedOnly.copy();
        t.day = day;
        t.dayEpoch = dayEpoch;
        t.codes[0] = codes[0];
        t.codes[1] = codes[1];
        t.marked[0] = marked[0];
        t.marked[1] = marked[1];
        return t;
    }
}
