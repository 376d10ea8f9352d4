package org.rollbridge.core.pupil;

import java.util.List;
import java.util.Optional;
import org.rollbridge.core.attendance.CtfMarks;
import org.rollbridge.core.attendance.SessionMark;

/**
 * One academic year's attendance at one school, as a CTF {@code YearData} carries it: summary counts and,
 * optionally, the session marks string starting on {@code marksStart}.
 */
public record AttendanceYear(Integer year, String la, String estab, String schoolName,
                             Integer sessionsPossible, Integer sessionsAuthorised, Integer sessionsAttended,
                             Integer sessionsUnauthorised, RecordedDate marksStart, String marks) {

    public AttendanceYear {
        marksStart = marksStart == null ? RecordedDate.absent() : marksStart;
    }

    /** The marks as dated sessions; empty when there is no marks string or its start date is unreadable. */
    public List<SessionMark> sessionMarks() {
        Optional<java.time.LocalDate> start = marksStart.date();
        if (marks == null || start.isEmpty()) {
            return List.of();
        }
        return CtfMarks.decode(start.get(), marks);
    }
}
