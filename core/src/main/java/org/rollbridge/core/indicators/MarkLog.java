package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;

/**
 * One pupil's session marks from a session-level feed, held compactly (five bytes a mark) so a whole LA's year fits
 * in memory: the session as a day number and half, and the code read in the light of its date.
 */
final class MarkLog {

    private static final AttendanceCode[] CODES = AttendanceCode.values();

    private int[] slots = new int[16];
    private byte[] codes = new byte[16];
    private int size;

    void add(LocalDate date, Session session, Optional<AttendanceCode> code) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
            codes = Arrays.copyOf(codes, size * 2);
        }
        slots[size] = (int) date.toEpochDay() * 2 + (session == Session.AM ? 0 : 1);
        codes[size] = (byte) (code.map(Enum::ordinal).orElse(-1) + 1);
        size++;
    }

    void addAll(MarkLog other) {
        for (int i = 0; i < other.size; i++) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                codes = Arrays.copyOf(codes, size * 2);
            }
            slots[size] = other.slots[i];
            codes[size] = other.codes[i];
            size++;
        }
    }

    int size() {
        return size;
    }

    /** Hands the marks to the tally in date order; marks for one session keep the order they arrived in. */
    void replay(MarkVisitor visitor) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(slots[a], slots[b]));  // stable
        for (Integer i : order) {
            int slot = slots[i];
            int c = codes[i];
            visitor.mark(LocalDate.ofEpochDay(slot >> 1), (slot & 1) == 0 ? Session.AM : Session.PM,
                    c == 0 ? Optional.empty() : Optional.of(CODES[c - 1]));
        }
    }

    interface MarkVisitor {
        void mark(LocalDate date, Session session, Optional<AttendanceCode> code);
    }
}
