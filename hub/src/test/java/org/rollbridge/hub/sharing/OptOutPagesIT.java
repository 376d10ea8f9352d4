package org.rollbridge.hub.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/**
 * The opt-out forms: a school's data manager records and withdraws its pupils' opt-outs and opts the school out of
 * the DfE feed and back in on the school's sharing page; LA officers record a pupil's on the pupil page. Each change
 * is audited under the user's name; other schools, pupils off the roll, roles without the capability and forms
 * without the CSRF token are refused.
 */
@HubTest
class OptOutPagesIT {

    static final String SCHOOL = "9265301";
    static final String OTHER = "9265302";
    static final String PUPIL = upn(SCHOOL, 1);
    static final String ELSEWHERE = upn(OTHER, 2);

    static RunningHub hub;
    static PageClient manager;
    static PageClient otherManager;
    static PageClient officer;
    static long pupilId;

    @BeforeAll
    static void twoSchoolsAndTheirUsers() throws Exception {
        RegisteredPerson.withUpn(PUPIL).named("Ivy", "Optout").born(LocalDate.of(2011, 4, 1)).in(hub);
        RegisteredPerson.withUpn(ELSEWHERE).named("Jon", "Other").born(LocalDate.of(2011, 5, 1)).in(hub);
        hub.school(SCHOOL).completed("ctf-pages", CtfFixture.full(SCHOOL)
                .add(CtfFixture.pupil(PUPIL, "Ivy", "Optout", List.of())));
        hub.school(OTHER).completed("ctf-pages-other", CtfFixture.full(OTHER)
                .add(CtfFixture.pupil(ELSEWHERE, "Jon", "Other", List.of())));
        manager = hub.signedIn("optout-dm", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));
        otherManager = hub.signedIn("optout-dm-other", Role.SCHOOL_DATA_MANAGER, Organisation.school(OTHER));
        officer = hub.signedIn("optout-officer", Role.LA_ATTENDANCE_OFFICER);
        pupilId = hub.db().sql("select person_id from pupils where upn = ?").param(PUPIL).query(Long.class).single();
    }

    @BeforeEach
    void emptyRegister() {
        hub.db().sql("delete from share_optouts").update();
        hub.db().sql("delete from school_share_optouts").update();
    }

    static HttpResponse<String> post(PageClient client, String path, Map<String, String> fields) throws Exception {
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("_csrf", client.csrf("/"));
        return client.post(path, form);
    }

    static Map<String, String> optOut(String agreement, String restriction, String by) {
        return Map.of("upn", PUPIL.toLowerCase(), "agreement", agreement, "restriction", restriction,
                "requestedBy", by, "requestedOn", "2026-11-30", "evidence", "letter of 30 November");
    }

    static List<String> audited(String subject) {
        return hub.db().sql("select action || ' by ' || actor from audit_events where subject = ? order by id")
                .param(subject).query(String.class).list();
    }

    @Test
    void theSchoolsDataManagerRecordsAndWithdrawsAPupilsOptOutOnTheSchoolsSharingPage() throws Exception {
        HttpResponse<String> recorded = post(manager, "/schools/" + SCHOOL + "/sharing/opt-outs",
                optOut("post-16", "none", "parent"));

        assertThat(recorded.statusCode()).isEqualTo(302);
        String page = manager.get("/schools/" + SCHOOL + "/sharing").body();
        assertThat(page).contains("data-upn=\"" + PUPIL + "\"", "post-16", "letter of 30 November", "In force");
        assertThat(hub.bean(ShareQuery.class).optOuts("post-16", LocalDate.of(2026, 12, 1))).containsKey(PUPIL);

        assertThat(post(manager, "/schools/" + SCHOOL + "/sharing/withdrawals",
                Map.of("upn", PUPIL, "agreement", "post-16")).statusCode()).isEqualTo(302);
        assertThat(hub.bean(ShareQuery.class).registeredFor(PUPIL)).singleElement()
                .satisfies(o -> assertThat(o.withdrawnBy()).isEqualTo("optout-dm"));
        assertThat(audited(PUPIL)).containsSubsequence("SHARING_OPT_OUT by optout-dm",
                "SHARING_OPT_OUT_WITHDRAWN by optout-dm");
    }

    @Test
    void theSchoolOptsOutOfTheDfeFeedFromTomorrowAndBackInAndOnlyItsOwnDataManagerMay() throws Exception {
        LocalDate tomorrow = LocalDate.now(hub.bean(Clock.class)).plusDays(1);

        assertThat(post(officer, "/schools/" + SCHOOL + "/sharing/school",
                Map.of("agreement", "dfe-daily", "choice", "out")).statusCode()).isEqualTo(403);
        assertThat(post(manager, "/schools/" + SCHOOL + "/sharing/school",
                Map.of("agreement", "dfe-daily", "choice", "out")).statusCode()).isEqualTo(302);

        ShareQuery query = hub.bean(ShareQuery.class);
        assertThat(query.schoolOptedOut(SCHOOL, "dfe-daily", tomorrow.minusDays(1))).isFalse();
        assertThat(query.schoolOptedOut(SCHOOL, "dfe-daily", tomorrow)).isTrue();
        assertThat(manager.get("/schools/" + SCHOOL + "/sharing").body()).contains("has opted out of dfe-daily");

        post(manager, "/schools/" + SCHOOL + "/sharing/school", Map.of("agreement", "dfe-daily", "choice", "in"));
        assertThat(query.schoolOptOuts(SCHOOL)).singleElement().satisfies(o -> assertThat(o.to()).isEqualTo(tomorrow));
        assertThat(audited(SCHOOL)).containsSubsequence("SHARING_OPT_OUT by optout-dm",
                "SHARING_OPT_OUT_WITHDRAWN by optout-dm");
    }

    @Test
    void anotherSchoolAPupilOffTheRollAndAFormWithoutItsTokenAreRefused() throws Exception {
        assertThat(otherManager.get("/schools/" + SCHOOL + "/sharing").statusCode()).isEqualTo(404);
        assertThat(post(otherManager, "/schools/" + SCHOOL + "/sharing/opt-outs",
                optOut("post-16", "none", "parent")).statusCode()).isEqualTo(404);
        HttpResponse<String> offRoll = post(otherManager, "/schools/" + OTHER + "/sharing/opt-outs",
                optOut("post-16", "none", "parent"));
        assertThat(offRoll.statusCode()).isBetween(400, 422);
        assertThat(offRoll.body()).contains("is not a pupil on this school");
        assertThat(manager.post("/schools/" + SCHOOL + "/sharing/opt-outs", optOut("post-16", "none", "parent"))
                .statusCode()).isEqualTo(403);
        assertThat(post(manager, "/schools/" + SCHOOL + "/sharing/opt-outs",
                optOut("sure-start", "none", "school")).statusCode()).isBetween(400, 422); // not the school's to ask
        assertThat(hub.db().sql("select count(*) from share_optouts").query(Integer.class).single()).isZero();
    }

    @Test
    void anLaOfficerRecordsAndWithdrawsAPupilsOptOutOnThePupilPage() throws Exception {
        assertThat(officer.get("/pupils/" + pupilId).body()).contains("id=\"sharing\"", "Record the opt-out");

        assertThat(post(officer, "/pupils/" + pupilId + "/sharing/opt-outs",
                optOut("youth-support", "name-address-dob", "parent")).statusCode()).isEqualTo(302);

        assertThat(officer.get("/pupils/" + pupilId).body()).contains("Name, address and date of birth only");
        assertThat(post(officer, "/pupils/" + pupilId + "/sharing/withdrawals", Map.of("agreement", "youth-support"))
                .statusCode()).isEqualTo(302);
        assertThat(audited(PUPIL)).containsSubsequence("SHARING_OPT_OUT by optout-officer",
                "SHARING_OPT_OUT_WITHDRAWN by optout-officer");
        // A school records opt-outs on its own pages; a social care viewer records none.
        assertThat(manager.get("/pupils/" + pupilId).body()).doesNotContain("id=\"sharing\"");
        assertThat(post(manager, "/pupils/" + pupilId + "/sharing/opt-outs",
                optOut("post-16", "none", "parent")).statusCode()).isEqualTo(404);
        PageClient socialCare = hub.signedIn("optout-social-care", Role.SOCIAL_CARE_VIEWER);
        assertThat(post(socialCare, "/pupils/" + pupilId + "/sharing/opt-outs",
                optOut("post-16", "none", "parent")).statusCode()).isEqualTo(403);
    }
}
