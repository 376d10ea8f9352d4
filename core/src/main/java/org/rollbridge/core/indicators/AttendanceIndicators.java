package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.rollbridge.core.attendance.SessionMark;

/** Attendance indicators for one pupil from all their marks at once, in any order. */
public final class AttendanceIndicators {

    private AttendanceIndicators() {
    }

    /**
     * Measures the marks (any order; where one session has two marks, the later in the collection wins, as a
     * correction re-sent after the original does).
     */
    public static PupilAttendance measure(PupilKey key, IndicatorScope scope, Collection<SessionMark> marks) {
        AttendanceTally tally = new AttendanceTally(key, scope);
        Collection<SessionMark> sorted = marks;
        if (!inDateOrder(marks)) {
            List<SessionMark> copy = new ArrayList<>(marks);
            copy.sort(SessionMark.CHRONOLOGICAL);     // stable: later duplicates stay later
            sorted = copy;
        }
        for (SessionMark m : sorted) {
            tally.accept(m);
        }
        return tally.result();
    }

    /** Marks from a CTF string or a sorted feed are already in order; the tally needs only the days in order. */
    private static boolean inDateOrder(Collection<SessionMark> marks) {
        LocalDate previous = null;
        for (SessionMark m : marks) {
            if (previous != null && m.date().isBefore(previous)) {
                return false;
            }
            previous = m.date();
        }
        return true;
    }
}
