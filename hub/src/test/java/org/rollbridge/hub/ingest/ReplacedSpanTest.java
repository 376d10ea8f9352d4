package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReplacedSpanTest {

    @Test
    void aSpanIsReadAsTheAgentSendsIt() {
        assertThat(ReplacedSpan.parse("2025-09-08..2025-10-22")).contains(
                new ReplacedSpan(LocalDate.of(2025, 9, 8), LocalDate.of(2025, 10, 22)));
        assertThat(ReplacedSpan.parse("2025-09-08..2025-09-08")).isPresent();
    }

    @Test
    void anythingElseIsNoSpan() {
        assertThat(ReplacedSpan.parse("2025-10-22..2025-09-08")).isEmpty();
        assertThat(ReplacedSpan.parse("2025-09-08")).isEmpty();
        assertThat(ReplacedSpan.parse("2025-09-08..soon")).isEmpty();
        assertThat(ReplacedSpan.parse(null)).isEmpty();
    }

    @Test
    void bothEndsAreInTheSpan() {
        ReplacedSpan span = ReplacedSpan.parse("2025-09-08..2025-09-12").orElseThrow();
        assertThat(span.contains(LocalDate.of(2025, 9, 8))).isTrue();
        assertThat(span.contains(LocalDate.of(2025, 9, 12))).isTrue();
        assertThat(span.contains(LocalDate.of(2025, 9, 13))).isFalse();
        assertThat(span.contains(LocalDate.of(2025, 9, 7))).isFalse();
    }
}
