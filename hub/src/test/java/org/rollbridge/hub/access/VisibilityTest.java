package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    static final LocalDate CONVERSION = LocalDate.of(2024, 9, 1);
    static final LocalDate TRUST_MOVE = LocalDate.of(2025, 9, 1);
    static final Organisation NORFOLK = Organisation.la("926");
    static final Organisation SUFFOLK = Organisation.la("935");
    static final Organisation FIRST_TRUST = Organisation.trust("T1");
    static final Organisation SECOND_TRUST = Organisation.trust("T2");
    static final String ACADEMY = "9264001";
    static final String MAINTAINED = "9262001";

    /** The academy converted into the first trust, then moved to the second a year later. */
    static final OrganisationGraph GRAPH = new OrganisationGraph(List.of(
            new OrganisationLink(ACADEMY, NORFOLK, LocalDate.of(2000, 1, 1), null),
            new OrganisationLink(MAINTAINED, NORFOLK, LocalDate.of(2000, 1, 1), null),
            new OrganisationLink(ACADEMY, FIRST_TRUST, CONVERSION, TRUST_MOVE.minusDays(1)),
            new OrganisationLink(ACADEMY, SECOND_TRUST, TRUST_MOVE, null)));

    final Visibility visibility = new Visibility(GRAPH, 30);

    static PupilFacts onRoll(String school, LocalDate from, LocalDate to, String residence) {
        return new PupilFacts(List.of(new PupilFacts.Spell(school, from, to)), residence, false, false, false);
    }

    @Test
    void aSchoolSeesItsPupilsWhileOnRollAndForTheTailAfterLeaving() {
        LocalDate left = LocalDate.of(2025, 12, 19);
        PupilFacts pupil = onRoll(MAINTAINED, LocalDate.of(2023, 9, 1), left, "926");
        Organisation school = Organisation.school(MAINTAINED);

        assertThat(visibility.visible(school, pupil, LocalDate.of(2023, 8, 31))).isFalse();
        assertThat(visibility.visible(school, pupil, left)).isTrue();
        assertThat(visibility.visible(school, pupil, left.plusDays(30))).isTrue();
        assertThat(visibility.visible(school, pupil, left.plusDays(31))).isFalse();
        assertThat(visibility.visible(Organisation.school(ACADEMY), pupil, left)).isFalse();
        assertThat(new Visibility(GRAPH, 0).visible(school, pupil, left.plusDays(1))).isFalse();
    }

    @Test
    void theLaOfTheSchoolAndTheLaOfResidenceSeeThePupil() {
        PupilFacts livesInSuffolk = onRoll(MAINTAINED, LocalDate.of(2023, 9, 1), null, "935");
        LocalDate today = LocalDate.of(2025, 10, 1);

        assertThat(visibility.visible(NORFOLK, livesInSuffolk, today)).isTrue();
        assertThat(visibility.visible(SUFFOLK, livesInSuffolk, today)).isTrue();
        assertThat(visibility.visible(Organisation.la("936"), livesInSuffolk, today)).isFalse();
    }

    @Test
    void aTrustSeesPupilsOfItsSchoolsOnlyDuringMembership() {
        PupilFacts pupil = onRoll(ACADEMY, LocalDate.of(2020, 9, 1), null, "926");

        assertThat(visibility.visible(FIRST_TRUST, pupil, CONVERSION.minusDays(1))).as("before conversion").isFalse();
        assertThat(visibility.visible(FIRST_TRUST, pupil, CONVERSION)).isTrue();
        assertThat(visibility.visible(FIRST_TRUST, pupil, TRUST_MOVE.minusDays(1))).isTrue();
        assertThat(visibility.visible(FIRST_TRUST, pupil, TRUST_MOVE)).as("after the move").isFalse();
        assertThat(visibility.visible(SECOND_TRUST, pupil, TRUST_MOVE)).isTrue();
        assertThat(visibility.visible(SECOND_TRUST, onRoll(MAINTAINED, LocalDate.of(2020, 9, 1), null, "926"),
                TRUST_MOVE)).isFalse();
    }

    @Test
    void theDfeSeesNoPupilHere() {
        assertThat(visibility.visible(Organisation.DFE, onRoll(ACADEMY, LocalDate.of(2020, 9, 1), null, "926"),
                LocalDate.of(2025, 10, 1))).isFalse();
    }

    @Test
    void aSocialCareViewerSeesOnlyChildrenInASocialCareCohort() {
        LocalDate today = LocalDate.of(2025, 10, 1);
        List<PupilFacts.Spell> spells = List.of(new PupilFacts.Spell(MAINTAINED, LocalDate.of(2020, 9, 1), null));
        PupilFacts none = new PupilFacts(spells, "926", false, false, false);

        assertThat(visibility.visible(Role.SOCIAL_CARE_VIEWER, NORFOLK, none, today)).isFalse();
        assertThat(visibility.visible(Role.SOCIAL_CARE_VIEWER, NORFOLK, new PupilFacts(spells, "926", true, false, false), today)).isTrue();
        assertThat(visibility.visible(Role.SOCIAL_CARE_VIEWER, NORFOLK, new PupilFacts(spells, "926", false, true, false), today)).isTrue();
        assertThat(visibility.visible(Role.SOCIAL_CARE_VIEWER, NORFOLK, new PupilFacts(spells, "926", false, false, true), today)).isTrue();
        assertThat(visibility.visible(Role.LA_ATTENDANCE_OFFICER, NORFOLK, none, today)).isTrue();
    }

    @Test
    void theGraphAnswersMembershipByDate() {
        assertThat(GRAPH.trustOf(ACADEMY, CONVERSION.minusDays(1))).isEmpty();
        assertThat(GRAPH.trustOf(ACADEMY, TRUST_MOVE)).contains(SECOND_TRUST);
        assertThat(GRAPH.laOf(ACADEMY, TRUST_MOVE)).contains(NORFOLK);
        assertThat(GRAPH.schoolsOf(FIRST_TRUST, CONVERSION)).containsExactly(ACADEMY);
        assertThat(GRAPH.schoolsOf(NORFOLK, CONVERSION)).containsExactlyInAnyOrder(ACADEMY, MAINTAINED);
    }

    @Test
    void badLinksAndSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new OrganisationLink(ACADEMY, NORFOLK, CONVERSION, CONVERSION.minusDays(1)))
                .hasMessageContaining("ends (2024-08-31) before it starts (2024-09-01)");
        assertThatThrownBy(() -> new OrganisationLink(ACADEMY, Organisation.school(MAINTAINED), CONVERSION, null))
                .hasMessageContaining("belongs to an LA or a trust");
        assertThatThrownBy(() -> new Visibility(GRAPH, -1)).hasMessageContaining("ROLLBRIDGE_SCHOOL_TAIL_DAYS");
    }
}
