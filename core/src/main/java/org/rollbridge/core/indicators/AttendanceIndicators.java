package org.rollbridge.core.indicators;

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
        List<SessionMark> sorted = new ArrayList<>(marks);
        sorted.sort(SessionMark.CHRONOLOGICAL);     // stable: later duplicates stay later
        AttendanceTally tally = new AttendanceTally(key, scope);
        for (SessionMark m : sorted) {
            tally.accept(m);
        }
        return tally.result();
    }
}
