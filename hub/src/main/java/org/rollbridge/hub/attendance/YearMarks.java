package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import org.rollbridge.core.indicators.AttendanceTally;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;

/**
 * A pupil's marks at one school for one academic year as one string: one character per session from 1 August,
 * AM then PM, {@link #NONE} where no mark was sent. Codes of two characters have one-character symbols here so
 * every session is one character (ADR 0002).
 */
public final class YearMarks {

    public static final char NONE = ' ';
    /** Room for every session of a leap year. */
    public static final int LENGTH = 2 * 366;

    private static final Map<String, Character> SYMBOL = Map.ofEntries(
            Map.entry("C1", 'a'), Map.entry("J1", 'b'), Map.entry("C2", 'c'),
            Map.entry("Y1", '1'), Map.entry("Y2", '2'), Map.entry("Y3", '3'), Map.entry("Y4", '4'),
            Map.entry("Y5", '5'), Map.entry("Y6", '6'), Map.entry("Y7", '7'));
    private static final Map<Character, String> CODE = invert();
    /**
     * Each one-character symbol read as a code [0] before and [1] from {@link AttendanceCode#CODES_2024_FROM}:
     * what {@link #replay} hands core's tally for every stored mark, worked out once.
     */
    private static final List<List<Optional<AttendanceCode>>> READ = List.of(read(AttendanceCode.CODES_2024_FROM
            .minusDays(1)), read(AttendanceCode.CODES_2024_FROM));
    /** The days of the academic years replayed so far, by position / 2: a recompute replays thousands of years. */
    private static final Map<Integer, LocalDate[]> DAYS = new ConcurrentHashMap<>();

    private YearMarks() {
    }

    /** The academic year (its starting calendar year) a day belongs to, counted from 1 August. */
    public static int academicYear(LocalDate day) {
        return day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
    }

    public static LocalDate yearStart(int academicYear) {
        return LocalDate.of(academicYear, 8, 1);
    }

    public static int position(LocalDate day, Session session) {
        long days = ChronoUnit.DAYS.between(yearStart(academicYear(day)), day);
        return (int) (2 * days + session.ordinal());
    }

    public static LocalDate dayAt(int academicYear, int position) {
        return yearStart(academicYear).plusDays(position / 2);
    }

    public static Session sessionAt(int position) {
        return Session.values()[position % 2];
    }

    /** The one-character symbol of a code as the school sent it (legacy codes keep their own letter). */
    public static char symbol(AttendanceCode code) {
        Character s = SYMBOL.get(code.code());
        return s != null ? s : code.code().charAt(0);
    }

    /** The full code a symbol stands for, when it stands for one. */
    public static Optional<String> code(char symbol) {
        if (symbol == NONE) {
            return Optional.empty();
        }
        return Optional.of(CODE.getOrDefault(symbol, String.valueOf(symbol)));
    }

    public static char[] empty() {
        char[] marks = new char[LENGTH];
        java.util.Arrays.fill(marks, NONE);
        return marks;
    }

    private static Map<Character, String> invert() {
        Map<Character, String> m = new java.util.HashMap<>();
        SYMBOL.forEach((code, symbol) -> m.put(symbol, code));
        return Map.copyOf(m);
    }

    /** Hands each stored mark of a year to core's tally, in order: the one way stored marks become indicators. */
    public static void replay(String marks, int academicYear, AttendanceTally tally) {
        LocalDate[] days = days(academicYear);
        for (int i = 0; i < marks.length(); i++) {
            char symbol = marks.charAt(i);
            if (symbol == NONE) {
                continue;
            }
            LocalDate day = i / 2 < days.length ? days[i / 2] : dayAt(academicYear, i);
            tally.accept(day, sessionAt(i), read(symbol, day));
        }
    }

    /** Sets the epoch days on which these marks hold a possible session: the days the school was open. */
    public static void openDays(String marks, int academicYear, java.util.BitSet open) {
        LocalDate[] days = days(academicYear);
        int first = (int) yearStart(academicYear).toEpochDay();
        for (int i = 0; i < marks.length(); i++) {
            char symbol = marks.charAt(i);
            if (symbol == NONE) {
                continue;
            }
            int dayIndex = first + i / 2;
            if (open.get(dayIndex)) {
                continue;
            }
            LocalDate day = i / 2 < days.length ? days[i / 2] : dayAt(academicYear, i);
            if (read(symbol, day).filter(AttendanceCode::possible).isPresent()) {
                open.set(dayIndex);
            }
        }
    }

    /** The code a stored symbol stands for on its day, as {@code AttendanceCode.interpret} reads it. */
    private static Optional<AttendanceCode> read(char symbol, LocalDate day) {
        if (symbol >= 128) {
            return code(symbol).flatMap(t -> AttendanceCode.interpret(t, day));
        }
        return READ.get(day.isBefore(AttendanceCode.CODES_2024_FROM) ? 0 : 1).get(symbol);
    }

    private static List<Optional<AttendanceCode>> read(LocalDate day) {
        List<Optional<AttendanceCode>> out = new java.util.ArrayList<>();
        for (char c = 0; c < 128; c++) {
            out.add(c == NONE ? Optional.empty() : code(c).flatMap(t -> AttendanceCode.interpret(t, day)));
        }
        return List.copyOf(out);
    }

    /** Every day of an academic year from 1 August, shared (LocalDate is immutable). */
    private static LocalDate[] days(int academicYear) {
        return DAYS.computeIfAbsent(academicYear, y -> {
            LocalDate start = yearStart(y);
            LocalDate[] days = new LocalDate[(int) ChronoUnit.DAYS.between(start, yearStart(y + 1))];
            for (int d = 0; d < days.length; d++) {
                days[d] = start.plusDays(d);
            }
            return days;
        });
    }
}
