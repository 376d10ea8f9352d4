package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.rollbridge.core.attendance.CtfMarks;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;

/**
 * One pupil's session marks held compactly (five bytes a mark) so a whole LA's year fits in memory: the session as
 * a day number and half, and the code read in the light of its date.
 */
final class MarkLog {

    private static final AttendanceCode[] CODES = AttendanceCode.values();
    /** A CTF character's code before and from {@link AttendanceCode#CODES_2024_FROM} (0 = not a code). */
    private static final byte[][] CTF_CODES = new byte[2][128];

    static {
        LocalDate[] eras = {AttendanceCode.CODES_2024_FROM.minusDays(1), AttendanceCode.CODES_2024_FROM};
        for (int era = 0; era < 2; era++) {
            for (char c = 0; c < 128; c++) {
                CTF_CODES[era][c] = encode(AttendanceCode.interpret(String.valueOf(c), eras[era]));
            }
        }
    }

    private int[] slots = new int[16];
    private byte[] codes = new byte[16];
    private int size;

    private static byte encode(Optional<AttendanceCode> code) {
        return (byte) (code.map(Enum::ordinal).orElse(-1) + 1);
    }

    private static int slot(long epochDay, Session session) {
        return (int) epochDay * 2 + (session == Session.AM ? 0 : 1);
    }

    void add(LocalDate date, Session session, Optional<AttendanceCode> code) {
        append(slot(date.toEpochDay(), session), encode(code));
    }

    /** A CTF marks string starting on {@code start}. */
    void addCtf(LocalDate start, String marks) {
        long first = start.toEpochDay();
        long newCodes = AttendanceCode.CODES_2024_FROM.toEpochDay();
        CtfMarks.forEach(marks, (i, c) -> {
            long day = first + i / 2;
            byte code = c < 128 ? CTF_CODES[day < newCodes ? 0 : 1][c]
                    : encode(AttendanceCode.interpret(String.valueOf(c), LocalDate.ofEpochDay(day)));
            append((int) day * 2 + (i & 1), code);
        });
    }

    void addAll(MarkLog other) {
        for (int i = 0; i < other.size; i++) {
            append(other.slots[i], other.codes[i]);
        }
    }

    private void append(int slot, byte code) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
            codes = Arrays.copyOf(codes, size * 2);
        }
        slots[size] = slot;
        codes[size] = code;
        size++;
    }

    int size() {
        return size;
    }

    /** Hands the marks over in date order; marks for one session keep the order they arrived in. */
    void replay(MarkVisitor visitor) {
        int[] order = order();
        LocalDate date = null;
        int day = Integer.MIN_VALUE;
        for (int k = 0; k < size; k++) {
            int i = order == null ? k : order[k];
            int slot = slots[i];
            int c = codes[i];
            if (slot >> 1 != day) {
                day = slot >> 1;
                date = LocalDate.ofEpochDay(day);
            }
            visitor.mark(date, (slot & 1) == 0 ? Session.AM : Session.PM,
                    c == 0 ? Optional.empty() : Optional.of(CODES[c - 1]));
        }
    }

    /** The indices in session order, stable; null when they already are. */
    private int[] order() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = slots[i - 1] <= slots[i];
        }
        if (sorted) {
            return null;
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = (long) slots[i] << 32 | i;      // the index breaks ties: a stable order
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    interface MarkVisitor {
        void mark(LocalDate date, Session session, Optional<AttendanceCode> code);
    }
}
