package org.rollbridge.hub.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.rollbridge.core.attendance.CtfMarks;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Pupil;

/**
 * The session marks a CTF pupil carries ({@code <Attendance><YearData>}), taken into the same patches as the
 * attendance CSV. Only the years the CTF gives for the sending school (or for no named school) are taken: marks at
 * a previous school are that school's to send. Weekend {@code #} is the CTF's filler, not a planned closure, and
 * is left out; a character that is not an attendance code is left to the validation report.
 */
public final class CtfAttendance {

    private CtfAttendance() {
    }

    public static void add(Pupil pupil, String laestab, MarkPatches patches) {
        String upn = pupil.upn().strip().toUpperCase(Locale.ROOT);
        for (AttendanceYear year : pupil.attendance()) {
            Optional<LocalDate> start = year.marksStart().date();
            if (year.marks() == null || start.isEmpty() || !atSchool(year, laestab)) {
                continue;
            }
            CtfMarks.forEach(year.marks(), (i, c) -> {
                LocalDate day = CtfMarks.dateAt(start.get(), i);
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (c == CtfMarks.NO_MARK && weekend) {
                    return;
                }
                AttendanceCode.interpret(String.valueOf(c), day).ifPresent(code ->
                        patches.add(upn, day, i % 2 == 0 ? Session.AM : Session.PM, code));
            });
        }
    }

    private static boolean atSchool(AttendanceYear year, String laestab) {
        String la = year.la() == null ? "" : year.la().strip();
        String estab = year.estab() == null ? "" : year.estab().strip();
        return (la.isEmpty() && estab.isEmpty()) || (la + estab).equals(laestab);
    }
}
