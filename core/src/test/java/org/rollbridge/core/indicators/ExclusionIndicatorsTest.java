package org.rollbridge.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.pupil.Appeal;
import org.rollbridge.core.pupil.Exclusion;
import org.rollbridge.core.pupil.RecordedDate;

class ExclusionIndicatorsTest {

    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    static Exclusion exclusion(String category, LocalDate start, LocalDate end, Integer sessions) {
        return new Exclusion("B801200005001", "8012000", Coded.of(ExclusionCategory.class, category),
                Coded.of(ExclusionReason.PP), RecordedDate.of(start), RecordedDate.of(end), sessions, null);
    }

    /** Autumn 2025 with half-term 27-31 October closed. */
    static SchoolCalendar autumn2025() {
        List<LocalDate> open = new ArrayList<>();
        for (LocalDate day = d(2025, 9, 1); !day.isAfter(d(2025, 12, 19)); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            boolean halfTerm = !day.isBefore(d(2025, 10, 27)) && !day.isAfter(d(2025, 10, 31));
            if (!weekend && !halfTerm) {
                open.add(day);
            }
        }
        return SchoolCalendar.ofOpenDays(open);
    }

    @Test
    void theSixthSchoolDayOfAPermanentExclusionSkipsHalfTerm() {
        // Thu 23 Oct (day 1), Fri 24 (2), half-term, Mon 3 Nov (3), Tue 4 (4), Wed 5 (5), Thu 6 Nov (6).
        var x = List.of(exclusion("PERM", d(2025, 10, 23), null, null));
        PupilExclusions before = ExclusionIndicators.measure(x, d(2025, 11, 5), autumn2025());
        assertThat(before.permanentExclusions()).containsExactly(
                new PermanentExclusionDuty(d(2025, 10, 23), d(2025, 11, 6), false));
        PupilExclusions on = ExclusionIndicators.measure(x, d(2025, 11, 6), autumn2025());
        assertThat(on.permanentExclusions().getFirst().dutyStarted()).isTrue();
        // Sessions excluded this term: 23 Oct to 6 Nov = 6 school days = 12 sessions.
        assertThat(on.sessionsExcludedThisTerm()).isEqualTo(12);
    }

    @Test
    void withoutTheSchoolsCalendarWeekdaysAreSchoolDays() {
        // Thu 23, Fri 24, Mon 27, Tue 28, Wed 29, Thu 30 Oct.
        var x = List.of(exclusion("PERM", d(2025, 10, 23), null, null));
        assertThat(ExclusionIndicators.measure(x, d(2025, 11, 5), SchoolCalendar.weekdays())
                .permanentExclusions().getFirst().sixthSchoolDay()).isEqualTo(d(2025, 10, 30));
    }

    @Test
    void aReinstatedPupilHasNoDuty() {
        Exclusion perm = new Exclusion("B801200005001", "8012000", Coded.of(ExclusionCategory.PERM),
                Coded.of(ExclusionReason.PP), RecordedDate.of(d(2025, 10, 1)), RecordedDate.absent(), null,
                new Appeal(true, "REINSTATED", RecordedDate.of(d(2025, 10, 20)), RecordedDate.of(d(2025, 10, 21))));
        assertThat(ExclusionIndicators.measure(List.of(perm), d(2025, 11, 5), autumn2025()).permanentExclusions())
                .isEmpty();
        assertThat(ExclusionIndicators.measure(List.of(perm), d(2025, 10, 15), autumn2025()).permanentExclusions())
                .hasSize(1);
    }

    @Test
    void suspensionsAreTotalledForTheTermContainingTheAsOfDate() {
        var x = List.of(
                exclusion("SUSP", d(2025, 6, 2), d(2025, 6, 6), 10),        // summer term: not this term
                exclusion("FIXD", d(2025, 9, 15), d(2025, 9, 19), 10),      // old name for a suspension
                exclusion("SUSP", d(2025, 10, 6), d(2025, 10, 13), null),   // no sessions sent: 6 days = 12
                exclusion("LNCH", d(2025, 11, 3), d(2025, 11, 3), null),    // lunchtime: 1 session
                exclusion("SUSP", d(2025, 11, 10), d(2025, 11, 14), 10),
                exclusion("SUSP", d(2026, 1, 5), d(2026, 1, 9), 10));       // after as-of
        PupilExclusions p = ExclusionIndicators.measure(x, d(2025, 12, 1), autumn2025());
        assertThat(p.term().name()).isEqualTo("2025-autumn");
        assertThat(p.suspensionSessionsThisTerm()).isEqualTo(33);
        assertThat(p.suspensionDaysThisTerm()).isEqualTo(16.5);
        assertThat(p.sessionsExcludedThisTerm()).isEqualTo(33);
    }

    @Test
    void unreadableRecordsAreCountedAndLeftOut() {
        var x = List.of(exclusion("ZZZZ", d(2025, 10, 6), null, 2),
                new Exclusion("B801200005001", "8012000", Coded.of(ExclusionCategory.SUSP), null,
                        RecordedDate.of("2025-02-30"), null, 4, null));
        PupilExclusions p = ExclusionIndicators.measure(x, d(2025, 12, 1), autumn2025());
        assertThat(p.unreadable()).isEqualTo(2);
        assertThat(p.sessionsExcludedThisTerm()).isZero();
    }

    @Test
    void termsFollowEaster() {
        // Easter Sunday 2026 is 5 April.
        assertThat(Term.easterSunday(2026)).isEqualTo(d(2026, 4, 5));
        assertThat(Term.easterSunday(2025)).isEqualTo(d(2025, 4, 20));
        assertThat(Term.easterSunday(2027)).isEqualTo(d(2027, 3, 28));
        assertThat(Term.containing(d(2026, 4, 5)).name()).isEqualTo("2026-spring");
        assertThat(Term.containing(d(2026, 4, 6)).name()).isEqualTo("2026-summer");
        assertThat(Term.containing(d(2026, 8, 31)).name()).isEqualTo("2026-summer");
        assertThat(Term.containing(d(2026, 9, 1)).name()).isEqualTo("2026-autumn");
    }
}
