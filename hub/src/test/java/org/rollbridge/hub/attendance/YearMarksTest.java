package org.rollbridge.hub.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;

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
}
