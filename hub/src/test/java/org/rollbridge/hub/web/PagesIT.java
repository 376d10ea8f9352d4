package org.rollbridge.hub.web;

import static org.rollbridge.hub.testing.PageTables.cells;
import static org.rollbridge.hub.testing.PageTables.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.pupil.FsmPeriod;
import org.rollbridge.core.pupil.LookedAfter;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.pupil.SenProvisionPeriod;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.people.SocialCareImport;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/** The pages over real imported data: the LA overview's figures, the pupil page's visibility, fields and audit. */
@HubTest
class PagesIT {

    static final String SCHOOL = "9262101";
    static final String OTHER_SCHOOL = "9262102";
    static RunningHub hub;
    static final String TRUST = "TRPAGES";
    static long absentPupil;
    static long presentPupil;
    static long joinerPupil;
    static SocialCareImport.Result careImport;

    @BeforeAll
    static void start() throws Exception {
        String absentUpn = CtfFixture.upn(SCHOOL, 1);
        String presentUpn = CtfFixture.upn(SCHOOL, 2);
        String joinerUpn = CtfFixture.upn(OTHER_SCHOOL, 3);
        absentPupil = RegisteredPerson.withUpn(absentUpn).in(hub);
        presentPupil = RegisteredPerson.withUpn(presentUpn).in(hub);
        joinerPupil = RegisteredPerson.withUpn(joinerUpn).in(hub);
        School school = hub.school(SCHOOL);
        School otherSchool = hub.school(OTHER_SCHOOL);
        // The absent pupil is looked after and has free school meals; the present pupil has an EHC plan.
        Pupil looked = CtfFixture.pupil(absentUpn, "Pat", "Pupil", List.of()).toBuilder()
                .lookedAfter(new LookedAfter(true, "926"))
                .fsmHistory(List.of(new FsmPeriod(RecordedDate.of(LocalDate.of(2024, 9, 1)), null, "ENG"))).build();
        Pupil withPlan = CtfFixture.pupil(presentUpn, "Pat", "Pupil", List.of()).toBuilder()
                .senProvisions(List.of(new SenProvisionPeriod(RecordedDate.of(LocalDate.of(2023, 1, 1)), null,
                        Coded.of(SenProvision.E)))).build();
        school.completed("ctf-1", CtfFixture.full(SCHOOL).add(looked).add(withPlan));
        otherSchool.completed("ctf-2", CtfFixture.full(OTHER_SCHOOL).add(joinerUpn));
        // Two weeks from 8 September: the first pupil misses every afternoon (unauthorised), the second attends
        // every session. The third week the first pupil is ill all week and the second attends.
        LocalDate monday = LocalDate.of(2025, 9, 8);
        LocalDate third = LocalDate.of(2025, 9, 22);
        school.completed("att-1", new AttendanceCsv()
                .days(SCHOOL, absentUpn, monday, 12, "/", "O").days(SCHOOL, presentUpn, monday, 12, "/", "\\")
                .days(SCHOOL, absentUpn, third, 5, "I", "I").days(SCHOOL, presentUpn, third, 5, "/", "\\"));
        // The other school's pupil is absent without leave all three weeks.
        otherSchool.completed("att-2", new AttendanceCsv().days(OTHER_SCHOOL, joinerUpn, monday, 19, "N", "N"));
        // Children's social care: the second pupil has a social worker and a child protection plan; the third's
        // case closed on 1 September; one row names nobody the LA knows and one has an unreadable flag.
        java.nio.file.Path careList = java.nio.file.Files.createTempFile("social-care", ".csv");
        java.nio.file.Files.writeString(careList, """
                person_id,upn,legal_forename,legal_surname,dob,social_worker,looked_after,child_protection,start_date,end_date
                ,%s,Pat,Pupil,2015-03-14,true,false,true,2025-01-06,
                ,%s,Pat,Pupil,2015-03-14,true,false,false,2024-02-01,2025-09-01
                ,A999999999999,Pat,Nobody,2015-03-14,true,false,false,2024-02-01,
                ,%s,Pat,Pupil,2015-03-14,perhaps,false,false,2024-02-01,
                """.formatted(presentUpn, joinerUpn, absentUpn));
        careImport = hub.bean(SocialCareImport.class).load(careList);
        // The first school is in the trust all year; the other joins it on 22 September.
        Organisations organisations = hub.bean(Organisations.class);
        organisations.link(SCHOOL, Organisation.trust(TRUST), LocalDate.of(2025, 9, 1), null);
        organisations.link(OTHER_SCHOOL, Organisation.trust(TRUST), LocalDate.of(2025, 9, 22), null);
        hub.bean(org.rollbridge.hub.access.OrganisationLinkStore.class).name(Organisation.trust(TRUST),
                "Pages Learning Trust");
    }

    @Test
    void theLaOverviewShowsWeekTermAndYearRatesPersistentAndSevereAbsenceAndTheNationalFigures() throws Exception {
        PageClient officer = hub.signedIn("officer-overview", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        String page = officer.get("/la/overview?on=2025-09-26").body();
        String earlier = officer.get("/la/overview?on=2025-09-17").body();

        assertThat(page).contains("year to date").contains("Friday 26 September 2025").contains("id=\"year-absence\"")
                .contains("id=\"year-pa\"").contains("Norfolk").contains("England").contains(">6.9<")
                .contains("<svg").contains("id=\"trend-table\"");
        // The school's own row, exactly:
        // pupils, absence % this week (20 sessions, 10 ill), this term and year (60 sessions, 10 + 10 absent),
        // persistently and severely absent (the first pupil, 20 of 30 sessions).
        assertThat(cells(page, "school-" + SCHOOL)).containsExactly("Test School (" + SCHOOL + ")", "2", "50.0", "33.3", "33.3", "1", "1");
        // As of the Wednesday of the second week: that week counts whole (5 of 20 absent), and so far 10 of 40.
        // The LA and its schools by name; each school links to its page.
        assertThat(page).contains("Attendance in Norfolk (LA 926)")
                .contains("<a class=\"govuk-link\" href=\"/schools/" + SCHOOL + "\">Test School (" + SCHOOL + ")</a>");
        assertThat(cells(earlier, "school-" + SCHOOL)).containsExactly("Test School (" + SCHOOL + ")", "2", "25.0", "25.0", "25.0", "1", "1");
    }

    /** The home page names the user's organisation as people know it, not by its code. */
    @Test
    void theHomePageNamesTheUsersOrganisation() throws Exception {
        assertThat(hub.signedIn("officer-home", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926")).get("/").body())
                .contains("Norfolk (LA 926)").doesNotContain("LA:926");
        assertThat(hub.signedIn("trust-home", Role.TRUST_VIEWER, Organisation.trust(TRUST)).get("/").body())
                .contains("Pages Learning Trust (trust " + TRUST + ")");
    }

    /** The as-of date is typed in a GOV.UK date input (day, month, year), read as the link's one date is. */
    @Test
    void theAsOfDateIsTypedAsDayMonthAndYear() throws Exception {
        PageClient officer = hub.signedIn("officer-date-input", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        String typed = officer.get("/la/overview?on-day=17&on-month=9&on-year=2025").body();

        assertThat(typed).contains("Wednesday 17 September 2025").contains("id=\"on-day\"")
                .contains("name=\"on-month\"").contains("value=\"2025\"");
        assertThat(cells(typed, "school-" + SCHOOL)).isEqualTo(cells(officer.get("/la/overview?on=2025-09-17")
                .body(), "school-" + SCHOOL));
        assertThat(officer.get("/la/overview?on-day=31&on-month=2&on-year=2025").statusCode()).isEqualTo(400);
    }

    @Test
    void theLaOverviewOfARoleWithoutPupilAccessShowsSmallCountsAndTheirRatesAsC() throws Exception {
        PageClient analyst = hub.signedIn("analyst", Role.LA_ANALYST, Organisation.la("926"));

        String page = analyst.get("/la/overview?on=2025-09-26").body();

        // The officer sees 2 pupils, 50.0, 33.3, 33.3, 1 and 1 on this line: every one a count of 1 to 9 or a rate
        // worked out from one.
        assertThat(cells(page, "school-" + SCHOOL)).containsExactly("Test School (" + SCHOOL + ")", "c", "c", "c", "c", "c", "c");
        assertThat(cells(page, "cohort-LOOKED_AFTER")).containsExactly("Looked-after children (CLA)", "c", "c", "c",
                "c", "c", "c");
        assertThat(cells(page, "cohort-SEN_SUPPORT")).containsExactly("SEN support", "0", "-", "-", "-", "0", "0");
        assertThat(page).contains("id=\"suppression-note\"");
        DisclosureIT.assertNoLoneSuppressedCell(page, "school-");
    }

    @Test
    void theTrustOverviewShowsSmallCountsAsCAndNoCohortOfFieldsTheTrustMayNotSee() throws Exception {
        PageClient viewer = hub.signedIn("trust-viewer", Role.TRUST_VIEWER, Organisation.trust(TRUST));

        String page = viewer.get("/trust?on=2025-09-26").body();
        assertThat(page).contains("Attendance in Pages Learning Trust (trust " + TRUST + ")");

        // Exactly (LaAttendanceIT checks the membership arithmetic): the joiner's line is 1 pupil at 100.0% absence,
        // and the trust 3 pupils, 1 persistently absent; all shown as c, with every rate worked out from them.
        assertThat(cells(page, "school-" + OTHER_SCHOOL)).containsExactly("Test School (" + OTHER_SCHOOL + ")", "c", "c", "c", "c", "0", "0");
        assertThat(page).contains("id=\"week-absence\">c</td>").contains("id=\"year-absence\">c</td>")
                .contains("id=\"year-pupils\">c</td>").contains("id=\"year-pa\">c</td>")
                .contains("id=\"year-pa-rate\">c</td>").contains("id=\"year-sa\">c</td>")
                .contains("id=\"suppression-note\"").contains("id=\"no-trend\"")
                // Aggregates only: the page prints as it is.
                .doesNotContain("rollbridge-no-print").doesNotContain("id=\"print-notice\"");
        // The trust viewer is shown no social care, SEN or FSM fields, so no cohort drawn from them either (the
        // looked-after child was "1 pupil, 89.6%", the children with a social worker a count).
        assertThat(page).doesNotContain("cohort-").doesNotContain("Looked-after").doesNotContain("social worker")
                .doesNotContain("Free school meals").doesNotContain("EHC plan");
        // Before the joiner joined, the trust is the first school alone.
        assertThat(viewer.get("/trust?on=2025-09-19").body()).doesNotContain("id=\"school-" + OTHER_SCHOOL + "\"");
    }

    @Test
    void aTrustViewerOfAnotherTrustSeesNoneOfTheseSchools() throws Exception {
        String page = hub.signedIn("trust-other", Role.TRUST_VIEWER, Organisation.trust("TROTHER")).get("/trust").body();

        assertThat(page).doesNotContain(SCHOOL).doesNotContain(OTHER_SCHOOL).contains("None yet.");
    }

    @Test
    void theNationalViewNamesNoSchoolAndSaysHowSmallCellsAreSuppressed() throws Exception {
        PageClient dfe = hub.signedIn("dfe-analyst", Role.DFE_ANALYST, Organisation.DFE);

        HttpResponse<String> page = dfe.get("/national?on=2025-09-26");

        assertStatus(200, page);
        assertThat(page.body()).contains("id=\"suppression\"").contains("are shown as <strong>c</strong>").contains("id=\"phase-All-phases\"")
                .doesNotContain(SCHOOL).doesNotContain(OTHER_SCHOOL).doesNotContain("Looked-after");
        assertStatus(400, dfe.get("/national?on=yesterday"));
        assertStatus(403, dfe.get("/la/overview"));
    }

    @Test
    void aPupilPageShowsOnlyTheRolesFieldsToThoseWhoMaySeeThePupilAndEveryViewIsAudited() throws Exception {
        PageClient officer = hub.signedIn("officer-p", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        PageClient ownSchool = hub.signedIn("dm-own", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));
        PageClient otherSchool = hub.signedIn("dm-other", Role.SCHOOL_DATA_MANAGER, Organisation.school(OTHER_SCHOOL));
        PageClient otherLa = hub.signedIn("officer-935", Role.LA_ATTENDANCE_OFFICER, Organisation.la("935"));

        HttpResponse<String> asOfficer = officer.get("/pupils/" + absentPupil);
        HttpResponse<String> asOwnSchool = ownSchool.get("/pupils/" + absentPupil);

        assertStatus(200, asOfficer);
        assertThat(asOfficer.body()).contains("Pat Pupil").contains(CtfFixture.upn(SCHOOL, 1)).contains("NR1 1AA");
        assertStatus(200, asOwnSchool);
        assertThat(asOwnSchool.body()).contains("Pat Pupil").doesNotContain("NR1 1AA");
        assertStatus(404, otherSchool.get("/pupils/" + absentPupil));
        assertStatus(404, otherLa.get("/pupils/" + absentPupil));
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("officer-p", AuditAction.VIEW_PUPIL,
                "person:" + absentPupil, null, null, 10))).hasSize(1);
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("dm-other", AuditAction.VIEW_PUPIL,
                null, null, null, 10))).extracting(AuditLog.Event::outcome).containsExactly("refused");
    }

    @Test
    void thePupilPagesRollsNameEachSchoolWithItsLaestab() throws Exception {
        PageClient officer = hub.signedIn("officer-rolls", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        String page = officer.get("/pupils/" + absentPupil).body();

        assertThat(org.rollbridge.hub.testing.PageTables.byCaption(page)
                .get("Schools this pupil has been on the roll of")).extracting(r -> r.get(0))
                .containsExactly("Test School (" + SCHOOL + ")");
    }

    @Test
    void thePupilPageShowsTheAttendanceCalendarStreaksFlagsAndProvenanceWithinTheRolesFields() throws Exception {
        PageClient officer = hub.signedIn("officer-cal", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        PageClient school = hub.signedIn("dm-cal", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));

        String page = officer.get("/pupils/" + absentPupil + "?year=2025").body();
        String asSchool = school.get("/pupils/" + absentPupil).body();

        // 30 possible sessions: 10 unauthorised afternoons, then a week ill; the week ill is a 5-day streak.
        assertThat(page).contains("id=\"attendance-" + SCHOOL + "\"").contains("September 2025")
                .contains("66.67% (20 sessions, 10 unauthorised)");
        assertThat(page.replaceAll("\\s+", " ")).contains("id=\"streak-current-" + SCHOOL + "\">5 school days from 22 Sep 2025")
                .contains("id=\"streak-longest-" + SCHOOL + "\">5 school days, 22 Sep to 26 Sep 2025")
                .contains("rb-mark rb-unauthorised").contains("Unauthorised absence").contains("rb-mark rb-authorised")
                .contains("<span>O</span>").contains("Mon 22 Sep 2025");
        assertThat(page).contains("id=\"flag-looked-after\">Yes").contains("id=\"flag-fsm\">Eligible")
                .contains("id=\"provenance\"").contains("How the record was matched");
        // The school's data manager sees attendance and provenance but no social care, SEN or FSM flags.
        assertThat(asSchool).contains("id=\"attendance-" + SCHOOL + "\"").contains("id=\"provenance\"")
                .doesNotContain("flag-looked-after").doesNotContain("flag-fsm");
    }

    @Test
    void aSocialCareViewerSeesLookedAfterChildrenAndOpenCasesOnly() throws Exception {
        PageClient social = hub.signedIn("social-cal", Role.SOCIAL_CARE_VIEWER, Organisation.la("926"));

        HttpResponse<String> withWorker = social.get("/pupils/" + presentPupil);

        assertStatus(200, social.get("/pupils/" + absentPupil), "looked after (CTF)");
        assertStatus(200, withWorker, "social worker");
        assertThat(withWorker.body()).contains("id=\"flag-social-worker\">Yes")
                .contains("id=\"flag-child-protection\">Yes");
        assertStatus(404, social.get("/pupils/" + joinerPupil), "case closed");
    }

    @Test
    void theSocialCareListReportsRowsItLeavesOutByLineWithoutTheChildsIdentifiers() {
        assertThat(careImport.read()).isEqualTo(4);
        assertThat(careImport.loaded()).isEqualTo(2);
        assertThat(careImport.problems()).hasSize(2);
        assertThat(careImport.problems().get(0)).contains("line 4").contains("no person").doesNotContain("A999");
        assertThat(careImport.problems().get(1)).contains("line 5").contains("social_worker is 'perhaps'");
    }

    @Test
    void searchingByUpnFindsOnlyVisiblePupilsAndIsAudited() throws Exception {
        PageClient officer = hub.signedIn("officer-s", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        PageClient otherSchool = hub.signedIn("dm-other-s", Role.SCHOOL_DATA_MANAGER, Organisation.school(OTHER_SCHOOL));
        String upn = CtfFixture.upn(SCHOOL, 2);

        assertThat(officer.get("/pupils?upn=" + upn).body()).contains("/pupils/" + presentPupil);
        assertThat(otherSchool.get("/pupils?upn=" + upn).body()).contains("No pupil you can see matches this search")
                .doesNotContain("/pupils/" + presentPupil);
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("officer-s", AuditAction.SEARCH, null, null,
                null, 10))).hasSize(1);
    }

    @Test
    void anLaAdministratorSearchesTheAuditLog() throws Exception {
        PageClient admin = hub.signedIn("admin-a", Role.LA_ADMIN, Organisation.la("926"));

        String page = admin.get("/audit?actor=admin-a&action=SIGN_IN").body();

        assertThat(page).contains(">admin-a</span>").contains("SIGN_IN");
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("admin-a", AuditAction.AUDIT_SEARCH, null,
                null, null, 10))).hasSize(1);
    }
}
