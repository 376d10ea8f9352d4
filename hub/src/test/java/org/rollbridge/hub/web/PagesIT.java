package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.people.PersonIndex;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;

/** The pages over real imported data: the LA overview's figures, the pupil page's visibility, fields and audit. */
class PagesIT {

    static final String SCHOOL = "9262101";
    static final String OTHER_SCHOOL = "9262102";
    static RunningHub hub;
    static long absentPupil;
    static long presentPupil;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(RunningHub.tempDir());
        String absentUpn = CtfFixture.upn(SCHOOL, 1);
        String presentUpn = CtfFixture.upn(SCHOOL, 2);
        absentPupil = register(absentUpn);
        presentPupil = register(presentUpn);
        String token = hub.credentialFor(SCHOOL);
        hub.credentialFor(OTHER_SCHOOL);
        var ctf = hub.upload(SCHOOL, token, "ctf-1", "ctf", CtfFixture.full(SCHOOL).add(absentUpn).add(presentUpn).bytes());
        assertThat(hub.awaitBatch(ctf.headers().firstValue("Location").orElseThrow(), token).path("status").asString())
                .isEqualTo("completed");
        // Ten school days: the first pupil misses every afternoon (50%), the second attends every session.
        LocalDate monday = LocalDate.of(2025, 9, 8);
        var marks = hub.upload(SCHOOL, token, "att-1", "attendance", new AttendanceCsv()
                .days(SCHOOL, absentUpn, monday, 12, "/", "O").days(SCHOOL, presentUpn, monday, 12, "/", "\\").bytes());
        assertThat(hub.awaitBatch(marks.headers().firstValue("Location").orElseThrow(), token).path("status").asString())
                .isEqualTo("completed");
    }

    static long register(String upn) {
        return hub.bean(PersonIndex.class).register(new PersonIndex.Person("pages-" + upn, upn, List.of(), null,
                "Pat", "Pupil", LocalDate.of(2015, 3, 14), "F", null), "register", null);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static PageClient signedIn(String name, Role role, Organisation org) throws Exception {
        return hub.signedIn(name, role, org);
    }

    @Test
    void theLaOverviewShowsRatesPersistentAndSevereAbsenceAndTheNationalFigures() throws Exception {
        String page = signedIn("analyst", Role.LA_ANALYST, Organisation.la("926")).get("/la/overview").body();

        // Other tests of the run share the database, so the school's own row is the one to check exactly.
        String row = page.substring(page.indexOf("id=\"school-" + SCHOOL + "\""));
        row = row.substring(0, row.indexOf("</tr>")).replaceAll("\\s+", " ");

        assertThat(page).contains("year to date").contains("id=\"la-absence\"").contains("id=\"la-pa\"")
                .contains("Norfolk").contains("England").contains(">6.9<");
        assertThat(row).contains(">" + SCHOOL + "</th>")
                .containsPattern(">2</td> <td[^>]*>25.0</td> <td[^>]*>1</td> <td[^>]*>1</td>");
    }

    @Test
    void aPupilPageShowsOnlyTheRolesFieldsToThoseWhoMaySeeThePupilAndEveryViewIsAudited() throws Exception {
        PageClient officer = signedIn("officer-p", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        PageClient ownSchool = signedIn("dm-own", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));
        PageClient otherSchool = signedIn("dm-other", Role.SCHOOL_DATA_MANAGER, Organisation.school(OTHER_SCHOOL));
        PageClient otherLa = signedIn("officer-935", Role.LA_ATTENDANCE_OFFICER, Organisation.la("935"));

        HttpResponse<String> asOfficer = officer.get("/pupils/" + absentPupil);
        HttpResponse<String> asOwnSchool = ownSchool.get("/pupils/" + absentPupil);

        assertThat(asOfficer.statusCode()).isEqualTo(200);
        assertThat(asOfficer.body()).contains("Pat Pupil").contains(CtfFixture.upn(SCHOOL, 1)).contains("NR1 1AA");
        assertThat(asOwnSchool.statusCode()).isEqualTo(200);
        assertThat(asOwnSchool.body()).contains("Pat Pupil").doesNotContain("NR1 1AA");
        assertThat(otherSchool.get("/pupils/" + absentPupil).statusCode()).isEqualTo(404);
        assertThat(otherLa.get("/pupils/" + absentPupil).statusCode()).isEqualTo(404);
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("officer-p", AuditAction.VIEW_PUPIL,
                "person:" + absentPupil, null, null, 10))).hasSize(1);
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("dm-other", AuditAction.VIEW_PUPIL,
                null, null, null, 10))).isEmpty();
    }

    @Test
    void searchingByUpnFindsOnlyVisiblePupilsAndIsAudited() throws Exception {
        PageClient officer = signedIn("officer-s", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        PageClient otherSchool = signedIn("dm-other-s", Role.SCHOOL_DATA_MANAGER, Organisation.school(OTHER_SCHOOL));
        String upn = CtfFixture.upn(SCHOOL, 2);

        assertThat(officer.get("/pupils?upn=" + upn).body()).contains("/pupils/" + presentPupil);
        assertThat(otherSchool.get("/pupils?upn=" + upn).body()).contains("No pupil you can see has this UPN")
                .doesNotContain("/pupils/" + presentPupil);
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("officer-s", AuditAction.SEARCH, null, null,
                null, 10))).hasSize(1);
    }

    @Test
    void anLaAdministratorSearchesTheAuditLog() throws Exception {
        PageClient admin = signedIn("admin-a", Role.LA_ADMIN, Organisation.la("926"));

        String page = admin.get("/audit?actor=admin-a&action=SIGN_IN").body();

        assertThat(page).contains("<td class=\"govuk-table__cell\">admin-a</td>").contains("SIGN_IN");
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("admin-a", AuditAction.AUDIT_SEARCH, null,
                null, null, 10))).hasSize(1);
    }
}
