package org.rollbridge.hub.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.indicators.AttendanceTally;
import org.rollbridge.core.indicators.Enrolment;
import org.rollbridge.core.indicators.IndicatorScope;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PupilKey;
import org.rollbridge.core.indicators.SchoolCalendar;

class YearMarksTest {

    @Test
    void everyCodeHasItsOwnSymbolThatReadsBackAsTheCode() {
        Set<Character> seen = new HashSet<>();
        for (AttendanceCode code : AttendanceCode.values()) {
            char symbol = YearMarks.symbol(code);
            assertThat(seen.add(symbol)).as("symbol %s of %s is unique", symbol, code).isTrue();
            assertThat(symbol).isNotEqualTo(YearMarks.NONE);
            assertThat(YearMarks.code(symbol)).contains(code.code());
        }
    }

    @Test
    void positionsRunFromTheFirstOfAugustAmThenPmAndFitALeapYear() {
        assertThat(YearMarks.position(LocalDate.of(2025, 8, 1), Session.AM)).isZero();
        assertThat(YearMarks.position(LocalDate.of(2025, 8, 1), Session.PM)).isEqualTo(1);
        assertThat(YearMarks.position(LocalDate.of(2025, 9, 1), Session.PM)).isEqualTo(63);
        assertThat(YearMarks.academicYear(LocalDate.of(2026, 7, 31))).isEqualTo(2025);
        assertThat(YearMarks.academicYear(LocalDate.of(2026, 8, 1))).isEqualTo(2026);
        assertThat(YearMarks.position(LocalDate.of(2028, 7, 31), Session.PM)).isEqualTo(YearMarks.LENGTH - 1);
    }

    @Test
    void aPositionLeadsBackToItsDayAndSession() {
        for (LocalDate d = LocalDate.of(2027, 8, 1); d.isBefore(LocalDate.of(2028, 8, 1)); d = d.plusDays(1)) {
            for (Session s : Session.values()) {
                int p = YearMarks.position(d, s);
                assertThat(YearMarks.dayAt(2027, p)).isEqualTo(d);
                assertThat(YearMarks.sessionAt(p)).isEqualTo(s);
            }
        }
    }

    /**
     * Replaying hands core's tally, for every stored mark, its day, its session and the code its symbol reads as on
     * that day (so across the 2024 code change a legacy J or Y reads as the code that replaced it), exactly as
     * reading each position's day and symbol one by one does.
     */
    @Test
    void replayingAYearGivesCoreTheDayAndCodeOfEveryMarkAsReadOnItsDay() {
        // 2024-25 holds the code change of 19 August 2024; every symbol, and some no code reads as, anywhere.
        int year = 2024;
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 20; run++) {
            char[] marks = YearMarks.empty();
            for (int i = 0; i < marks.length; i++) {
                int pick = random.nextInt(140);
                marks[i] = pick < 128 ? (char) pick : random.nextBoolean() ? YearMarks.NONE : '\u00e9';
            }
            String stored = new String(marks);
            AttendanceTally replayed = tally();
            YearMarks.replay(stored, year, replayed);
            AttendanceTally oneByOne = tally();
            for (int i = 0; i < stored.length(); i++) {
                if (stored.charAt(i) == YearMarks.NONE) {
                    continue;
                }
                LocalDate day = YearMarks.dayAt(year, i);
                oneByOne.accept(day, YearMarks.sessionAt(i),
                        YearMarks.code(stored.charAt(i)).flatMap(code -> AttendanceCode.interpret(code, day)));
            }
            assertThat(replayed.result()).isEqualTo(oneByOne.result());

            java.util.BitSet open = new java.util.BitSet();
            YearMarks.openDays(stored, year, open);
            java.util.BitSet expected = new java.util.BitSet();
            for (int i = 0; i < stored.length(); i++) {
                LocalDate day = YearMarks.dayAt(year, i);
                if (YearMarks.code(stored.charAt(i)).flatMap(code -> AttendanceCode.interpret(code, day))
                        .filter(AttendanceCode::possible).isPresent()) {
                    expected.set((int) day.toEpochDay());
                }
            }
            assertThat(open).isEqualTo(expected);
        }
    }

    private static AttendanceTally tally() {
        LocalDate asOf = LocalDate.of(2025, 7, 31);
        return new AttendanceTally(PupilKey.of("A123456789012", "9262001"), new IndicatorScope(
                Period.academicYearContaining(asOf), asOf, new Enrolment(null, null), SchoolCalendar.weekdays(),
                false, IndicatorScope.DEFAULT_NOTABLE_STREAK_DAYS));
    }
}
