package org.rollbridge.core.indicators;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;

/**
 * Builds a pupil's register for fixtures from day tokens {@code AM.PM}: {@code "N.N"}, {@code "/.\\"},
 * {@code "C2.C2"}; {@code "-"} on either side means no mark for that session. {@link #schoolDays} puts the tokens on
 * consecutive weekdays (nothing on weekends, as a session-level feed sends); {@link #days} on consecutive
 * calendar days.
 */
final class Register {

    private final List<SessionMark> marks = new ArrayList<>();
    private LocalDate next;

    private Register(LocalDate start) {
        this.next = start;
    }

    static Register from(LocalDate start) {
        return new Register(start);
    }

    static Register from(int year, int month, int day) {
        return new Register(LocalDate.of(year, month, day));
    }

    Register schoolDays(String tokens) {
        for (String token : tokens.trim().split("\\s+")) {
            while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
                next = next.plusDays(1);
            }
            day(next, token);
            next = next.plusDays(1);
        }
        return this;
    }

    Register days(String tokens) {
        for (String token : tokens.trim().split("\\s+")) {
            day(next, token);
            next = next.plusDays(1);
        }
        return this;
    }

    /** Moves on to {@code date} (skipping a holiday with no marks). */
    Register skipTo(int year, int month, int day) {
        next = LocalDate.of(year, month, day);
        return this;
    }

    /** The same code in both sessions for {@code n} weekdays. */
    Register repeat(int n, String token) {
        return schoolDays((token + " ").repeat(n));
    }

    private void day(LocalDate date, String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("day token must be AM.PM: " + token);
        }
        if (!parts[0].equals("-")) {
            marks.add(new SessionMark(date, Session.AM, parts[0]));
        }
        if (!parts[1].equals("-")) {
            marks.add(new SessionMark(date, Session.PM, parts[1]));
        }
    }

    List<SessionMark> marks() {
        return List.copyOf(marks);
    }

    LocalDate lastDay() {
        return next.minusDays(1);
    }
}
