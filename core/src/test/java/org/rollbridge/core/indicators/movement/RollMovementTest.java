package org.rollbridge.core.indicators.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.pupil.Pupil;

class RollMovementTest {

    static final String PRIMARY = "8012001";
    static final String SECONDARY = "8014001";
    static final LocalDate JULY = LocalDate.of(2025, 7, 15);
    static final LocalDate OCTOBER = LocalDate.of(2025, 10, 15);

    static RollEntry entry(String laestab, String upn, NcYear year, LocalDate admitted) {
        return new RollEntry(laestab, Pupil.builder().upn(upn).ncYear(year).admissionDate(admitted)
                .enrolStatus(EnrolStatus.C).build());
    }

    static RollEntry left(RollEntry e, LocalDate on, String destination) {
        return new RollEntry(e.laestab(), e.pupil().toBuilder().leavingDate(on).leavingDestination(destination)
                .build());
    }

    @Test
    void findsJoinersLeaversMissingChildrenAndDualRegistrations() {
        RollEntry stays = entry(PRIMARY, "A001", NcYear.Y3, LocalDate.of(2022, 9, 5));
        RollEntry toSecondary = entry(PRIMARY, "A002", NcYear.Y6, LocalDate.of(2019, 9, 4));
        RollEntry movesAway = entry(PRIMARY, "A003", NcYear.Y4, LocalDate.of(2021, 9, 6));
        RollEntry vanishes = entry(PRIMARY, "A004", NcYear.Y5, LocalDate.of(2020, 9, 7));
        RollEntry leftWithoutWord = entry(PRIMARY, "A005", NcYear.Y2, LocalDate.of(2023, 9, 6));
        RollSnapshot before = new RollSnapshot(JULY,
                List.of(stays, toSecondary, movesAway, vanishes, leftWithoutWord));

        RollEntry year7 = entry(SECONDARY, "A002", NcYear.Y7, LocalDate.of(2025, 9, 3));
        RollEntry olderYear7 = entry(SECONDARY, "A100", NcYear.Y7, LocalDate.of(2025, 9, 3));
        RollEntry inYear = entry(SECONDARY, "A101", NcYear.Y9, LocalDate.of(2025, 10, 6));
        RollEntry reception = entry(PRIMARY, "A102", NcYear.R, LocalDate.of(2025, 9, 4));
        RollEntry septemberYear4 = entry(PRIMARY, "A103", NcYear.Y4, LocalDate.of(2025, 9, 4));
        RollEntry dual = new RollEntry(PRIMARY, Pupil.builder().upn("A104").ncYear(NcYear.Y3)
                .admissionDate(LocalDate.of(2025, 9, 4)).enrolStatus(EnrolStatus.M).build());
        RollSnapshot after = new RollSnapshot(OCTOBER, List.of(stays, year7, olderYear7, inYear, reception,
                septemberYear4, dual,
                left(movesAway, LocalDate.of(2025, 7, 22), "9372001"),
                left(vanishes, LocalDate.of(2025, 7, 22), null)));
        // leftWithoutWord simply disappears from its school's file.

        Movement m = RollMovement.between(before, after);

        assertThat(m.joiners()).extracting(j -> j.entry().key().upn(), Joiner::nonStandard).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A102", false),   // Reception in September
                org.assertj.core.groups.Tuple.tuple("A103", true),    // Year 4 is not the primary's entry year
                org.assertj.core.groups.Tuple.tuple("A104", true),
                org.assertj.core.groups.Tuple.tuple("A002", false),   // Year 7 in September at a secondary
                org.assertj.core.groups.Tuple.tuple("A100", false),
                org.assertj.core.groups.Tuple.tuple("A101", true));   // October, Year 9: in-year
        assertThat(m.leavers()).extracting(l -> l.entry().key().upn()).containsExactly("A002", "A003", "A004",
                "A005");
        assertThat(m.leaversWithDestination()).extracting(l -> l.entry().key().upn()).containsExactly("A003");
        assertThat(m.missingEducationCandidates()).extracting(l -> l.entry().key().upn())
                .containsExactly("A003", "A004", "A005");
        Leaver vanished = m.leavers().get(2);
        assertThat(vanished.left()).isEqualTo(LocalDate.of(2025, 7, 22));
        assertThat(vanished.knownDestination()).isFalse();
        assertThat(m.leavers().get(0).onAnotherRoll()).isTrue();
        assertThat(m.dualRegistrations()).extracting(e -> e.key().upn()).containsExactly("A104");
    }

    @Test
    void theStandardWindowIsTheStartOfTheAcademicYear() {
        assertThat(TransitionPoint.standard(LocalDate.of(2025, 8, 28), NcYear.Y7, NcYear.Y7)).isTrue();
        assertThat(TransitionPoint.standard(LocalDate.of(2025, 9, 15), NcYear.Y12, NcYear.Y7)).isTrue();
        assertThat(TransitionPoint.standard(LocalDate.of(2025, 9, 16), NcYear.R, NcYear.R)).isFalse();
        assertThat(TransitionPoint.standard(LocalDate.of(2025, 9, 30), NcYear.Y12, NcYear.Y7)).isFalse();
        assertThat(TransitionPoint.standard(LocalDate.of(2025, 9, 3), NcYear.Y4, NcYear.R)).isFalse();
        assertThat(TransitionPoint.standard(LocalDate.of(2026, 1, 12), NcYear.N1, NcYear.N1)).isTrue();
        assertThat(TransitionPoint.standard(null, NcYear.Y7, NcYear.Y7)).isFalse();
    }

    @Test
    void aPupilOnTwoRollsAtOnceIsADualRegistration() {
        RollEntry a = entry(PRIMARY, "A001", NcYear.Y3, LocalDate.of(2022, 9, 5));
        RollEntry b = entry("8017001", "A001", NcYear.Y3, LocalDate.of(2025, 10, 1));
        Movement m = RollMovement.between(new RollSnapshot(JULY, List.of(a)), new RollSnapshot(OCTOBER,
                List.of(a, b)));
        assertThat(m.dualRegistrations()).hasSize(2);
        assertThat(m.joiners()).singleElement().satisfies(j -> assertThat(j.nonStandard()).isTrue());
    }

    @Test
    void aPreviousPupilOrOneWhoseLeavingDateHasPassedIsOffTheRoll() {
        RollEntry previous = new RollEntry(PRIMARY, Pupil.builder().upn("A001").enrolStatus(EnrolStatus.P).build());
        assertThat(previous.onRoll(OCTOBER)).isFalse();
        RollEntry leaving = left(entry(PRIMARY, "A002", NcYear.Y3, null), LocalDate.of(2025, 10, 15), null);
        assertThat(leaving.onRoll(OCTOBER)).isTrue();          // the leaving date is the last day on roll
        assertThat(leaving.onRoll(OCTOBER.plusDays(1))).isFalse();
        RollEntry future = entry(PRIMARY, "A003", NcYear.Y3, LocalDate.of(2025, 11, 3));
        assertThat(future.onRoll(OCTOBER)).isFalse();
    }
}
