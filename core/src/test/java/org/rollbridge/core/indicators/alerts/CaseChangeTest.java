package org.rollbridge.core.indicators.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.indicators.PupilKey;

class CaseChangeTest {

    static final PupilKey PUPIL = new PupilKey("B801200005001", "8012000");
    static final LocalDate DAY = LocalDate.of(2025, 11, 3);

    static Alert streak(String situation, int severity, String detail) {
        return new Alert(AlertId.CONSECUTIVE_ABSENCE_10, PUPIL, situation, severity, DAY, detail);
    }

    static Alert absence(String situation, int severity, String detail) {
        return new Alert(AlertId.PERSISTENT_ABSENCE, PUPIL, situation, severity, DAY, detail);
    }

    static Optional<CaseChange.OpenCase> open(Alert as, int figure) {
        return Optional.of(new CaseChange.OpenCase(as.caseKey(), as.severity(), BigDecimal.valueOf(figure),
                as.detail()));
    }

    static CaseChange change(Alert now, int figure, Optional<CaseChange.OpenCase> open, Integer resolvedAt) {
        return CaseChange.of(now, BigDecimal.valueOf(figure), open, Optional.ofNullable(resolvedAt));
    }

    @Test
    void anAlertWithNoCaseRaisesOne() {
        assertThat(change(streak("from:2025-10-20", 1, "10 days"), 10, Optional.empty(), null))
                .isEqualTo(CaseChange.RAISE);
    }

    @Test
    void aResolvedCaseIsNotReopenedOnTheSameEvidenceButIsWhenItGetsWorse() {
        Alert same = streak("from:2025-10-20", 1, "12 days");
        assertThat(change(same, 12, Optional.empty(), 1)).isEqualTo(CaseChange.STAY_RESOLVED);
        assertThat(change(same, 12, Optional.empty(), 2)).isEqualTo(CaseChange.STAY_RESOLVED);
        assertThat(change(streak("from:2025-10-20", 2, "20 days"), 20, Optional.empty(), 1))
                .isEqualTo(CaseChange.RAISE);
    }

    @Test
    void anotherSituationMovesTheOpenCaseOnAndTakesItsSeverity() {
        Optional<CaseChange.OpenCase> was = open(streak("from:2025-09-08", 2, "20 days"), 20);
        Alert now = streak("from:2025-10-20", 1, "10 days");
        assertThat(change(now, 10, was, null)).isEqualTo(CaseChange.NEW_EPISODE);
        assertThat(CaseChange.severityAfter(now, was)).isEqualTo(1);
        assertThat(CaseChange.NEW_EPISODE.event()).contains("new_episode");
    }

    @Test
    void aHigherSeverityWorsensTheCase() {
        Optional<CaseChange.OpenCase> was = open(absence("term:2025-autumn", 1, "12%"), 12);
        Alert now = absence("term:2025-autumn", 2, "16%");
        assertThat(change(now, 16, was, null)).isEqualTo(CaseChange.WORSEN);
        assertThat(CaseChange.severityAfter(now, was)).isEqualTo(2);
        assertThat(CaseChange.WORSEN.event()).contains("worsened");
    }

    @Test
    void aStreakThatGrewIsNewsButARateMovingWithinItsBandIsKeptQuietly() {
        assertThat(change(streak("from:2025-10-20", 1, "11 days"), 11,
                open(streak("from:2025-10-20", 1, "10 days"), 10), null)).isEqualTo(CaseChange.UPDATE);
        assertThat(CaseChange.UPDATE.event()).contains("updated");
        assertThat(change(absence("term:2025-autumn", 1, "13%"), 13,
                open(absence("term:2025-autumn", 1, "12%"), 12), null)).isEqualTo(CaseChange.REFRESH);
        assertThat(CaseChange.REFRESH.event()).isEmpty();
    }

    @Test
    void aStreakThatDidNotGrowIsRefreshedNotNews() {
        assertThat(change(streak("from:2025-10-20", 1, "10 days (to 3 Nov)"), 10,
                open(streak("from:2025-10-20", 1, "10 days"), 10), null)).isEqualTo(CaseChange.REFRESH);
    }

    @Test
    void severityWithinOneSituationNeverFalls() {
        Optional<CaseChange.OpenCase> was = open(absence("term:2025-autumn", 2, "16%"), 16);
        Alert now = absence("term:2025-autumn", 1, "14%");
        assertThat(change(now, 14, was, null)).isEqualTo(CaseChange.REFRESH);
        assertThat(CaseChange.severityAfter(now, was)).isEqualTo(2);
    }

    @Test
    void theSameSituationAndFigureChangesNothing() {
        Alert now = streak("from:2025-10-20", 1, "10 days");
        assertThat(change(now, 10, open(now, 10), null)).isEqualTo(CaseChange.NONE);
        assertThat(List.of(CaseChange.NONE, CaseChange.STAY_RESOLVED)).noneMatch(CaseChange::writes);
    }

    @Test
    void theLatestSituationIsTheOneLastSeenThenTheWorst() {
        Alert earlier = new Alert(AlertId.CONSECUTIVE_ABSENCE_10, PUPIL, "a", 3, DAY.minusDays(7), "x");
        Alert later = new Alert(AlertId.CONSECUTIVE_ABSENCE_10, PUPIL, "b", 1, DAY, "y");
        Alert worse = new Alert(AlertId.CONSECUTIVE_ABSENCE_10, PUPIL, "c", 2, DAY, "z");
        Alert undated = new Alert(AlertId.CONSECUTIVE_ABSENCE_10, PUPIL, "d", 5, null, "w");
        assertThat(List.of(earlier, later, worse, undated).stream().max(CaseChange.RECENCY)).contains(worse);
        assertThat(CaseChange.RECENCY.compare(undated, earlier)).isNegative();
    }
}
