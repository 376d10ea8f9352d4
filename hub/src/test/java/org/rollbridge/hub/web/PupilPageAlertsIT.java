package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/** The pupil page lists the alerts its viewer may see in the queues: a school's own, a trust's none, the LA's all. */
@HubTest
class PupilPageAlertsIT {

    static RunningHub hub;
    static final String SCHOOL = "9265401";
    static final String OTHER = "9265402";
    static final String TRUST = "TRALERTS";
    static long person;

    @BeforeAll
    static void aPupilWithAlertsAtTwoSchools() throws Exception {
        hub.reset();
        String pupil = upn(SCHOOL, 1);
        person = RegisteredPerson.withUpn(pupil).in(hub);
        hub.school(SCHOOL).completed("ctf-1", CtfFixture.full(SCHOOL).add(pupil));
        hub.bean(Organisations.class).link(SCHOOL, Organisation.trust(TRUST), LocalDate.of(2025, 9, 1), null);
        hub.db().sql("""
                insert into alert_cases (la, person_id, kind, laestab, status, detail)
                values ('926', ?, 'PERSISTENT_ABSENCE', ?, 'raised', 'absent 12%'),
                       ('926', ?, 'SEVERE_ABSENCE', ?, 'raised', 'absent 60%')""")
                .params(person, SCHOOL, person, OTHER).update();
    }

    private static String page(String user, Role role, Organisation organisation) throws Exception {
        return hub.signedIn(user, role, organisation).get("/pupils/" + person).body();
    }

    @Test
    void aSchoolSeesItsOwnAlertsOnly() throws Exception {
        String page = page("dm-alerts", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));

        assertThat(page).contains("Persistently absent").doesNotContain("Severely absent");
    }

    @Test
    void aTrustSeesNoneAsItsQueuesShowNone() throws Exception {
        String page = page("trust-alerts", Role.TRUST_VIEWER, Organisation.trust(TRUST));

        assertThat(page).doesNotContain("Persistently absent").doesNotContain("Severely absent");
    }

    @Test
    void theLaSeesEveryAlert() throws Exception {
        String page = page("officer-alerts", Role.LA_ATTENDANCE_OFFICER, RunningHub.organisationOf(
                Role.LA_ATTENDANCE_OFFICER));

        assertThat(page).contains("Persistently absent").contains("Severely absent");
    }
}
