package org.rollbridge.core.validation;

import java.time.LocalDate;
import org.rollbridge.core.code.AttendanceCode;

/**
 * Fast lookup of a CTF marks character as dated: {@link AttendanceCode#interpret} precomputed for the two code
 * sets (before and from August 2024), so validating a year of marks for 100,000 pupils costs an array read
 * per session.
 */
final class MarkCharacters {

    private static final AttendanceCode[] BEFORE_2024 = table(AttendanceCode.CODES_2024_FROM.minusDays(1));
    private static final AttendanceCode[] FROM_2024 = table(AttendanceCode.CODES_2024_FROM);
    static final long FROM_2024_EPOCH_DAY = AttendanceCode.CODES_2024_FROM.toEpochDay();

    private MarkCharacters() {
    }

    private static AttendanceCode[] table(LocalDate date) {
        AttendanceCode[] table = new AttendanceCode[128];
        for (char c = 0; c < 128; c++) {
            table[c] = AttendanceCode.interpret(String.valueOf(c), date).orElse(null);
        }
        return table;
    }

    /** The code the character stands for on the day, or null when it is not one. */
    static AttendanceCode code(char c, long epochDay) {
        if (c >= 128) {
            return null;
        }
        return epochDay < FROM_2024_EPOCH_DAY ? BEFORE_2024[c] : FROM_2024[c];
    }

    /** Blank sessions some MIS write for days with no mark. */
    static boolean blank(char c) {
        return c == ' ' || c == '-';
    }
}
