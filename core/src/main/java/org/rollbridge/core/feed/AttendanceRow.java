package org.rollbridge.core.feed;

import java.util.Optional;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.pupil.RecordedDate;

/**
 * One row of the attendance CSV, values as sent (stripped; null when empty). {@code line} is the file line it
 * starts on, {@code position} its 1-based place among the data rows.
 */
public record AttendanceRow(long line, int position, String laestab, String upn, RecordedDate date,
                            String session, String code, String forename, String surname, String ncYear,
                            String minutesLate, String recordedAt) {

    public AttendanceRow {
        date = date == null ? RecordedDate.absent() : date;
    }

    /** AM or PM, when the session column says so. */
    public Optional<Session> sessionValue() {
        if (session == null) {
            return Optional.empty();
        }
        return switch (session.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "AM" -> Optional.of(Session.AM);
            case "PM" -> Optional.of(Session.PM);
            default -> Optional.empty();
        };
    }

    /** The code, read exactly: a session-level feed carries full codes. */
    public Optional<AttendanceCode> attendanceCode() {
        return AttendanceCode.parse(code);
    }

    /** The row as a dated mark, when its date and session are readable and it has a code. */
    public Optional<SessionMark> sessionMark() {
        Optional<java.time.LocalDate> d = date.date();
        Optional<Session> s = sessionValue();
        if (d.isEmpty() || s.isEmpty() || code == null) {
            return Optional.empty();
        }
        return Optional.of(new SessionMark(d.get(), s.get(), code));
    }
}
