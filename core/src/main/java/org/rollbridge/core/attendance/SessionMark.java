package org.rollbridge.core.attendance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.rollbridge.core.code.AttendanceCode;

/**
 * One register mark: a date, a session and the code as sent. A CTF marks string holds only the first letter of
 * two-letter codes, so {@link #attendanceCode()} reads the code in the light of its date.
 */
public record SessionMark(LocalDate date, Session session, String code) implements Comparable<SessionMark> {

    public static final Comparator<SessionMark> CHRONOLOGICAL =
            Comparator.comparing(SessionMark::date).thenComparing(SessionMark::session);

    public SessionMark {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(code, "code");
    }

    public SessionMark(LocalDate date, Session session, AttendanceCode code) {
        this(date, session, code.code());
    }

    /** The code, when it is one; empty for a code not on the list (the validator reports those). */
    public Optional<AttendanceCode> attendanceCode() {
        return AttendanceCode.interpret(code, date);
    }

    @Override
    public int compareTo(SessionMark other) {
        return CHRONOLOGICAL.compare(this, other);
    }
}
