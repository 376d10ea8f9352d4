package org.rollbridge.core.validation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Pupil;

/**
 * A CTF pupil's attendance years: the marks string fits its dates, every mark is a current code, the summary
 * counts agree with the marks, and no session is marked while the pupil was not on roll. One pass over the marks.
 */
public final class AttendanceChecks {

    private AttendanceChecks() {
    }

    public static void years(Pupil pupil, CheckContext context, FindingSink out) {
        long admitted = pupil.admissionDate().date().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
        long left = pupil.leavingDate().date().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
        for (AttendanceYear year : pupil.attendance()) {
            year(year, admitted, left, out);
        }
    }

    /** Sessions counted from marks, and where marks first and last fell outside the roll. */
    private static final class Tally {
        int possible;
        int attended;
        int authorised;
        int unauthorised;
        Map<Character, int[]> unknown = Map.of();
        Map<Character, int[]> legacy = Map.of();
        int beforeRoll;
        int firstBefore = -1;
        int lastBefore = -1;
        int afterRoll;
        int firstAfter = -1;
        int lastAfter = -1;
    }

    static void year(AttendanceYear year, long admitted, long left, FindingSink out) {
        String marks = year.marks();
        if (marks == null || marks.isEmpty()) {
            return;
        }
        if (!year.marksStart().present()) {
            out.add(Rule.ATTENDANCE_MARKS_LENGTH, "AttendanceStartDate", null,
                    "The marks have no AttendanceStartDate, so the sessions they record cannot be dated.");
            return;
        }
        if (RollChecks.invalid("AttendanceStartDate", "attendance start date", year.marksStart(), out)) {
            return;
        }
        LocalDate start = year.marksStart().date().orElseThrow();
        if (marks.length() % 2 != 0) {
            out.add(Rule.ATTENDANCE_MARKS_LENGTH, "AttendanceMarks", String.valueOf(marks.length()),
                    "The marks from " + start + " hold " + marks.length()
                            + " sessions, an odd number: every day has an AM and a PM session.");
        }
        long lastDay = start.toEpochDay() + (marks.length() - 1) / 2;
        LocalDate yearEnd = LocalDate.of(NcYear.academicYearOf(start) + 1, 8, 31);
        if (lastDay > yearEnd.toEpochDay()) {
            LocalDate last = LocalDate.ofEpochDay(lastDay);
            out.add(Rule.ATTENDANCE_MARKS_LENGTH, "AttendanceMarks", String.valueOf(marks.length()),
                    "The " + marks.length() + " session marks from " + start + " run to " + last
                            + ", beyond the end of the academic year on " + yearEnd + ".");
        }
        Tally t = tally(marks, start.toEpochDay(), admitted, left);
        t.unknown.forEach((c, where) -> out.add(Rule.ATTENDANCE_CODE_UNKNOWN, "AttendanceMarks",
                String.valueOf(c), String.valueOf(c), sessionAt(start, where[1]),
                where[0] > 1 ? " (and " + (where[0] - 1) + " more session(s))" : ""));
        t.legacy.forEach((c, where) -> out.add(Rule.ATTENDANCE_CODE_LEGACY, "AttendanceMarks",
                String.valueOf(c), String.valueOf(c), sessionAt(start, where[1]),
                where[0] > 1 ? " (and " + (where[0] - 1) + " more session(s))" : "",
                AttendanceCode.parse(String.valueOf(c)).map(a -> a.current().code()).orElse("?")));
        summary("SessionsPossible", year.sessionsPossible(), t.possible, out);
        summary("SessionsAttended", year.sessionsAttended(), t.attended, out);
        summary("SessionsAuthorised", year.sessionsAuthorised(), t.authorised, out);
        summary("SessionsUnauthorised", year.sessionsUnauthorised(), t.unauthorised, out);
        if (t.beforeRoll > 0) {
            out.add(Rule.ATTENDANCE_DATE_OUTSIDE_ROLL, "AttendanceMarks", null, t.beforeRoll,
                    sessionAt(start, t.firstBefore), sessionAt(start, t.lastBefore), "before the admission date");
        }
        if (t.afterRoll > 0) {
            out.add(Rule.ATTENDANCE_DATE_OUTSIDE_ROLL, "AttendanceMarks", null, t.afterRoll,
                    sessionAt(start, t.firstAfter), sessionAt(start, t.lastAfter), "after the leaving date");
        }
    }

    private static Tally tally(String marks, long startDay, long admitted, long left) {
        Tally t = new Tally();
        char[] chars = marks.toCharArray(); // a plain array loop: no bounds check per session
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (MarkCharacters.blank(c)) {
                continue;
            }
            long day = startDay + i / 2;
            AttendanceCode code = MarkCharacters.code(c, day);
            if (code == null) {
                t.unknown = count(t.unknown, c, i);
                continue;
            }
            if (code.legacy() && day >= MarkCharacters.FROM_2024_EPOCH_DAY) {
                t.legacy = count(t.legacy, c, i);
            }
            if (!code.possible()) {
                continue;
            }
            t.possible++;
            if (code.attendedOrApproved()) {
                t.attended++;
            } else if (code.authorisedAbsence()) {
                t.authorised++;
            } else if (code.unauthorisedAbsence()) {
                t.unauthorised++;
            }
            if (day < admitted) {
                t.beforeRoll++;
                t.firstBefore = t.firstBefore < 0 ? i : t.firstBefore;
                t.lastBefore = i;
            } else if (day > left) {
                t.afterRoll++;
                t.firstAfter = t.firstAfter < 0 ? i : t.firstAfter;
                t.lastAfter = i;
            }
        }
        return t;
    }

    /** Counts a character and remembers where it first was; the map is made on the first one (most years have none). */
    private static Map<Character, int[]> count(Map<Character, int[]> seen, char c, int index) {
        Map<Character, int[]> map = seen.isEmpty() ? new LinkedHashMap<>(4) : seen;
        map.computeIfAbsent(c, k -> new int[] {0, index})[0]++;
        return map;
    }

    private static void summary(String field, Integer sent, int counted, FindingSink out) {
        if (sent != null && sent != counted) {
            out.add(Rule.ATTENDANCE_SUMMARY_MISMATCH, field, String.valueOf(sent), field, sent, counted);
        }
    }

    /** "2025-09-03 PM" for the session at {@code index} of a marks string. */
    static String sessionAt(LocalDate start, int index) {
        return start.plusDays(index / 2) + (index % 2 == 0 ? " AM" : " PM");
    }

    /** For a pupil whose current-year attendance names schools, whether one of them is the sending school. */
    public static void school(Pupil pupil, CheckContext context, FindingSink out) {
        if (context.academicYear() == null || context.sourceLa() == null || context.sourceEstab() == null) {
            return;
        }
        boolean anyThisYear = false;
        String other = null;
        for (AttendanceYear year : pupil.attendance()) {
            if (!context.academicYear().equals(year.year()) || year.la() == null || year.estab() == null) {
                continue;
            }
            anyThisYear = true;
            if (year.la().strip().equals(context.sourceLa()) && year.estab().strip().equals(context.sourceEstab())) {
                return;
            }
            other = year.la().strip() + year.estab().strip();
        }
        if (anyThisYear) {
            out.add(Rule.CTF_SCHOOL_MISMATCH, "Attendance/YearData", other,
                    "This year's attendance is from school " + other + ", not from the sending school "
                            + context.sourceLa() + context.sourceEstab() + ".");
        }
    }

    static Optional<Integer> parseYear(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
