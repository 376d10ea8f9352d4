package org.rollbridge.core.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CTF {@code AttendanceMarks} encoding: one character per session, two per calendar day (AM then PM),
 * starting on {@code AttendanceStartDate}. Weekends and holidays are present in the string, normally as {@code #}
 * or a space; a two-letter code is written as its first letter.
 */
public final class CtfMarks {

    /** Written for a session that has no mark in a sequence being encoded (weekends, gaps). */
    public static final char NO_MARK = '#';

    private CtfMarks() {
    }

    /**
     * Every session in the string, dated; blanks (spaces, and '-' which some MIS write) are left out.
     * Other characters, including unknown ones, are kept for the validator to judge.
     */
    public static List<SessionMark> decode(LocalDate start, String marks) {
        List<SessionMark> out = new ArrayList<>(marks.length());
        forEach(marks, (i, c) -> out.add(new SessionMark(start.plusDays(i / 2), i % 2 == 0 ? Session.AM : Session.PM,
                String.valueOf(c))));
        return out;
    }

    /** Receives each mark of a marks string: its index (day = index / 2, AM when even) and its character. */
    @FunctionalInterface
    public interface MarkAt {
        void mark(int index, char c);
    }

    /**
     * Every session in the string with its index, blanks left out as {@link #decode} does, without building
     * objects: for readers that keep marks in their own compact form.
     */
    public static void forEach(String marks, MarkAt visitor) {
        for (int i = 0; i < marks.length(); i++) {
            char c = marks.charAt(i);
            if (c != ' ' && c != '-') {
                visitor.mark(i, c);
            }
        }
    }

    /** The date of the session at {@code index} in a marks string that starts on {@code start}. */
    public static LocalDate dateAt(LocalDate start, int index) {
        return start.plusDays(index / 2);
    }

    /**
     * Encodes marks from {@code start} up to the last mark; sessions with no mark become {@link #NO_MARK}.
     * Each code contributes its first character. Marks before {@code start} are rejected.
     */
    public static String encode(LocalDate start, List<SessionMark> marks) {
        if (marks.isEmpty()) {
            return "";
        }
        long lastIndex = -1;
        for (SessionMark m : marks) {
            lastIndex = Math.max(lastIndex, index(start, m));
        }
        char[] out = new char[(int) lastIndex + 1];
        java.util.Arrays.fill(out, NO_MARK);
        for (SessionMark m : marks) {
            out[(int) index(start, m)] = m.code().charAt(0);
        }
        return new String(out);
    }

    private static long index(LocalDate start, SessionMark m) {
        long days = m.date().toEpochDay() - start.toEpochDay();
        if (days < 0) {
            throw new IllegalArgumentException("mark on " + m.date() + " is before the start date " + start);
        }
        return days * 2 + (m.session() == Session.AM ? 0 : 1);
    }
}
