package org.rollbridge.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.indicators.movement.Leaver;
import org.rollbridge.core.indicators.movement.Movement;
import org.rollbridge.core.indicators.movement.RollEntry;
import org.rollbridge.core.indicators.movement.RollMovement;
import org.rollbridge.core.indicators.movement.RollSnapshot;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.FixedAlertDay;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/**
 * A pupil dual-registered (on roll at a main school as M and at a subsidiary school as S) raises no movement alert:
 * not a non-standard joiner where the subsidiary place starts, and not a child who left with no destination when the
 * subsidiary place ends while the main one continues. A single-registered pupil who joins and leaves the subsidiary
 * school the same days raises both, so the alerts were worked out. Core's roll movement on the same records agrees.
 */
@HubTest(beans = FixedAlertDay.class)
class DualRegistrationAlertsIT {

    static final String MAIN = "9267401";
    static final String SUBSIDIARY = "9267402";
    static final LocalDate JOINED = LocalDate.of(2025, 11, 3);
    static RunningHub hub;

    @Test
    void aSubsidiaryPlaceStartingOrEndingWhileTheMainContinuesRaisesNoMovementAlert() throws Exception {
        String dual = upn(MAIN, 1);
        String single = upn(SUBSIDIARY, 2);
        String stays = upn(SUBSIDIARY, 3);
        long dualPerson = RegisteredPerson.withUpn(dual).named("Pat", "Pupil").in(hub);
        long singlePerson = RegisteredPerson.withUpn(single).named("Sam", "Single").in(hub);
        RegisteredPerson.withUpn(stays).named("Kim", "Stays").in(hub);
        School main = hub.school(MAIN);
        School subsidiary = hub.school(SUBSIDIARY);
        Pupil atMain = pupil(dual, "Pat", "Pupil", "C", null);
        Pupil staying = pupil(stays, "Kim", "Stays", "C", null);
        main.completed("main-1", CtfFixture.full(MAIN).add(atMain));
        subsidiary.completed("sub-1", CtfFixture.full(SUBSIDIARY).add(staying));
        main.completed("main-marks", new AttendanceCsv().days(MAIN, dual, LocalDate.of(2025, 9, 1), 70, "/", "\\"));

        // The pupil takes a subsidiary place from 3 November (the main school now says M), and a single-registered
        // pupil joins the same school the same day.
        Pupil mainRecord = pupil(dual, "Pat", "Pupil", "M", null);
        Pupil subsidiaryPlace = pupil(dual, "Pat", "Pupil", "S", JOINED);
        Pupil joiner = pupil(single, "Sam", "Single", "C", JOINED);
        main.completed("main-2", CtfFixture.full(MAIN).add(mainRecord));
        subsidiary.completed("sub-2", CtfFixture.full(SUBSIDIARY).add(staying).add(subsidiaryPlace).add(joiner));
        subsidiary.completed("sub-marks", new AttendanceCsv().days(SUBSIDIARY, dual, JOINED, 10, "/", "\\")
                .days(SUBSIDIARY, single, JOINED, 10, "/", "\\").days(SUBSIDIARY, stays, JOINED, 10, "/", "\\"));
        hub.bean(AlertRecompute.class).everyone(FixedAlertDay.TODAY);

        assertThat(kinds(dualPerson)).isEmpty();
        assertThat(kinds(singlePerson)).containsExactly("NEW_TO_ROLL_NON_STANDARD");
        Movement joining = RollMovement.between(
                RollSnapshot.asOf(JOINED.minusDays(1), entries(atMain, staying, null, null)),
                RollSnapshot.asOf(FixedAlertDay.TODAY, entries(mainRecord, staying, subsidiaryPlace, joiner)));
        assertThat(joining.joiners()).extracting(j -> j.entry().pupil().upn()).containsExactly(single);
        assertThat(joining.leavers()).isEmpty();

        // The subsidiary place ends (the school sends its leaving date, no destination), the main one continues; the
        // single-registered pupil leaves the school (missing from its full CTF).
        Pupil placeEnded = subsidiaryPlace.toBuilder().leavingDate(LocalDate.of(2025, 12, 5)).build();
        subsidiary.completed("sub-3", CtfFixture.full(SUBSIDIARY).add(staying).add(placeEnded));
        hub.bean(AlertRecompute.class).everyone(FixedAlertDay.TODAY);

        assertThat(kinds(dualPerson)).isEmpty();
        assertThat(kinds(singlePerson)).contains("LEFT_NO_DESTINATION");
        assertThat(hub.db().sql("select count(*) from enrolments where person_id = ? and laestab = ? and to_date is null")
                .params(dualPerson, MAIN).query(Long.class).single()).isEqualTo(1);
        Movement leaving = RollMovement.between(
                RollSnapshot.asOf(FixedAlertDay.TODAY, entries(mainRecord, staying, subsidiaryPlace, joiner)),
                RollSnapshot.asOf(FixedAlertDay.TODAY, entries(mainRecord, staying, placeEnded, null)));
        assertThat(leaving.leavers()).extracting(l -> l.entry().pupil().upn(), Leaver::missingEducationCandidate)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(dual, false),
                        org.assertj.core.groups.Tuple.tuple(single, true));
    }

    /** The pupil as a school's CTF gives them: enrolment status {@code status}, admitted {@code admitted} (or 2021). */
    static Pupil pupil(String upn, String forename, String surname, String status, LocalDate admitted) {
        Pupil.Builder p = CtfFixture.pupil(upn, forename, surname, List.of()).toBuilder()
                .enrolStatus(Coded.of(EnrolStatus.class, status));
        return (admitted == null ? p : p.admissionDate(admitted)).build();
    }

    /** The rolls as core reads them: the main school's record, then the subsidiary school's (null: not on it). */
    static List<RollEntry> entries(Pupil main, Pupil staying, Pupil subsidiary, Pupil joiner) {
        List<RollEntry> entries = new ArrayList<>(List.of(new RollEntry(MAIN, main), new RollEntry(SUBSIDIARY, staying)));
        for (Pupil p : new Pupil[] {subsidiary, joiner}) {
            if (p != null) {
                entries.add(new RollEntry(SUBSIDIARY, p));
            }
        }
        return entries;
    }

    List<String> kinds(long person) {
        return hub.db().sql("select kind from alert_cases where person_id = ? and status <> 'resolved' order by kind")
                .param(person).query(String.class).list();
    }
}
