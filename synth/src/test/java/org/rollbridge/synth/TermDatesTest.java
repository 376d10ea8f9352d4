package org.rollbridge.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TermDatesTest {

    @Test
    void twentyFiveTwentySixLooksLikeAnEnglishSchoolYear() {
        TermDates t = TermDates.of(2025);
        assertThat(t.termDay(LocalDate.of(2025, 9, 2))).isFalse();
        assertThat(t.termDay(LocalDate.of(2025, 9, 3))).isTrue();
        assertThat(t.termDay(LocalDate.of(2025, 10, 27))).as("half-term").isFalse();
        assertThat(t.termDay(LocalDate.of(2025, 12, 19))).isTrue();
        assertThat(t.termDay(LocalDate.of(2025, 12, 22))).as("Christmas").isFalse();
        assertThat(t.termDay(LocalDate.of(2026, 1, 5))).isTrue();
        assertThat(t.termDay(LocalDate.of(2026, 2, 16))).as("half-term").isFalse();
        assertThat(t.termDay(LocalDate.of(2026, 3, 27))).isTrue();
        assertThat(t.termDay(LocalDate.of(2026, 4, 6))).as("Easter").isFalse();
        assertThat(t.termDay(LocalDate.of(2026, 4, 13))).isTrue();
        assertThat(t.termDay(LocalDate.of(2026, 5, 4))).as("May Day").isFalse();
        assertThat(t.termDay(LocalDate.of(2026, 5, 26))).as("half-term").isFalse();
        assertThat(t.termDay(LocalDate.of(2026, 7, 22))).isTrue();
        assertThat(t.termDay(LocalDate.of(2026, 7, 23))).isFalse();
        assertThat(t.termDay(LocalDate.of(2025, 9, 6))).as("Saturday").isFalse();
    }
}
