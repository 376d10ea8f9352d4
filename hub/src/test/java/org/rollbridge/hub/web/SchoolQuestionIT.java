package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/**
 * The LA's question on a pupil record held because it matched nobody: the school answers it on its page or through
 * the API, sees only its own records, and the LA's reviewer reads the answer with the record; the review decision is
 * one question with one reason.
 */
@HubTest
class SchoolQuestionIT {

    static final String SCHOOL = "9269741";
    static final String OTHER = "9269742";
    static RunningHub hub;
    static School school;
    static School other;

    @BeforeAll
    static void start() throws Exception {
        school = hub.school(SCHOOL);
        other = hub.school(OTHER);
        RegisteredPerson.withRegisterId("sq-review").named("Fenella", "Ravenscroft").born(LocalDate.of(2011, 11, 23))
                .postcode("NR12 9QQ").in(hub);
        school.completed("sq-ctf-1", CtfFixture.full(SCHOOL)
                .add(CtfFixture.pupil(CtfFixture.upn(SCHOOL, 1), "Ulla", "Nomatchley", List.of()))
                .add(CtfFixture.pupil(CtfFixture.upn(SCHOOL, 2), "Ugo", "Nomatchford", List.of()))
                .add(CtfFixture.pupil(CtfFixture.upn(SCHOOL, 3), "Fenela", "Ravenscrof", List.of()).toBuilder()
                        .dob(RecordedDate.of(LocalDate.of(2011, 11, 23))).sex(Coded.of(Sex.class, "F"))
                        .address(Address.lines(List.of("3 Quay"), "NR13 1AB")).build()));
        other.completed("sq-ctf-2", CtfFixture.full(OTHER)
                .add(CtfFixture.pupil(CtfFixture.upn(OTHER, 1), "Olga", "Elsewhere", List.of())));
    }

    static long held(String upn) {
        return hub.db().sql("select id from held_records where upn = ? and status = 'held'").param(upn)
                .query(Long.class).single();
    }

    static String answerPath(String laestab, long id) {
        return "/schools/" + laestab + "/held/" + id + "/answer";
    }

    @Test
    void aSchoolDataManagerAnswersTheQuestionAndTheLaReadsTheAnswerWithTheRecord() throws Exception {
        PageClient manager = hub.signedIn("sq-dm", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));
        long unmatched = held(CtfFixture.upn(SCHOOL, 1));

        String page = manager.get("/schools/" + SCHOOL).body();
        assertThat(page).contains("The LA's question</th>", "Not answered", answerPath(SCHOOL, unmatched));
        String form = manager.get(answerPath(SCHOOL, unmatched)).body();
        assertThat(form).contains("Is this child new to the LA, or starting in a first setting?",
                "data-module=\"govuk-radios\"", "aria-controls=\"conditional-previously-at\"", "name=\"_csrf\"",
                "class=\"govuk-radios__conditional govuk-radios__conditional--hidden\"");

        String csrf = manager.csrf(answerPath(SCHOOL, unmatched));
        HttpResponse<String> none = manager.post(answerPath(SCHOOL, unmatched), Map.of("_csrf", csrf));
        assertStatus(400, none);
        assertThat(none.body()).contains("govuk-error-summary", "href=\"#answer\"", "<title>Error: ");
        HttpResponse<String> nameless = manager.post(answerPath(SCHOOL, unmatched),
                Map.of("_csrf", csrf, "answer", "previously-at", "previously-at", " "));
        assertStatus(400, nameless);
        assertThat(nameless.body()).contains("href=\"#previously-at\"", "Enter the school or LA the child was previously at");
        assertThat(hub.db().sql("select count(*) from held_answers where held_record_id = ?").param(unmatched)
                .query(Long.class).single()).isZero();
        HttpResponse<String> posted = manager.post(answerPath(SCHOOL, unmatched),
                Map.of("_csrf", csrf, "answer", "previously-at", "previously-at", "Oak Primary, Leeds"));
        assertStatus(302, posted);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("/schools/" + SCHOOL + "?answered=" + unmatched);

        assertThat(manager.get("/schools/" + SCHOOL + "?answered=" + unmatched).body())
                .contains("Your answer on held record " + unmatched + " was sent to the LA",
                        "The school says the child was previously at Oak Primary, Leeds.");
        PageClient admin = hub.signedIn("sq-admin", Role.LA_ADMIN);
        assertThat(admin.get("/review").body()).contains("Unmatched records the schools answered about",
                CtfFixture.upn(SCHOOL, 1), "The school says the child was previously at Oak Primary, Leeds");
        assertThat(admin.get("/review/held/" + unmatched).body())
                .contains("The school says the child was previously at Oak Primary, Leeds.");
        String adminCsrf = admin.csrf("/review/held/" + unmatched);
        HttpResponse<String> reasonless = admin.post("/review/held/" + unmatched + "/new-person",
                Map.of("_csrf", adminCsrf));
        assertStatus(400, reasonless);
        assertThat(reasonless.body()).contains("govuk-error-summary", "href=\"#reason\"");
        assertStatus(302, admin.post("/review/held/" + unmatched + "/new-person", Map.of("_csrf", adminCsrf,
                "reason", "New to the area: nobody at Oak Primary, Leeds by this name")));
        assertThat(hub.db().sql("select status from held_records where id = ?").param(unmatched).query(String.class)
                .single()).isEqualTo("released");
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("sq-dm", AuditAction.SCHOOL_ANSWER,
                "held:" + unmatched, null, null, 10))).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("previously-at"));
    }

    @Test
    void aSchoolSeesAndAnswersOnlyItsOwnRecordsAndOnlyItsOwnRolesAnswer() throws Exception {
        long theirs = held(CtfFixture.upn(OTHER, 1));
        PageClient manager = hub.signedIn("sq-dm-2", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));
        assertStatus(404, manager.get(answerPath(OTHER, theirs)));
        assertStatus(404, manager.get(answerPath(SCHOOL, theirs)));
        assertStatus(404, manager.post(answerPath(SCHOOL, theirs), Map.of("_csrf", manager.csrf("/schools/" + SCHOOL),
                "answer", "new-to-la")));
        PageClient officer = hub.signedIn("sq-officer", Role.LA_ATTENDANCE_OFFICER);
        assertStatus(403, officer.get(answerPath(SCHOOL, held(CtfFixture.upn(SCHOOL, 2)))));
        assertThat(officer.get("/schools/" + SCHOOL).body()).doesNotContain("/held/");
        assertThat(hub.db().sql("select count(*) from held_answers where answered_by = 'sq-dm-2'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSchoolsSystemsReadItsCountsAndAnswerThroughTheApi() throws Exception {
        long unmatched = held(CtfFixture.upn(OTHER, 1));
        HttpResponse<String> before = hub.send(hub.request("/api/v1/schools/" + OTHER + "/held-summary"), other.token());
        assertStatus(200, before);
        assertThat(RunningHub.json(before).path("questionsWaiting").asLong()).isEqualTo(1);
        assertThat(RunningHub.json(before).path("held").asLong()).isGreaterThanOrEqualTo(1);
        assertStatus(403, hub.send(hub.request("/api/v1/schools/" + SCHOOL + "/held-summary"), other.token()));

        assertStatus(400, hub.send(answer(OTHER, unmatched, "{\"answer\":\"maybe\"}"), other.token()));
        assertStatus(403, hub.send(answer(SCHOOL, held(CtfFixture.upn(SCHOOL, 2)), "{\"answer\":\"new-to-la\"}"),
                other.token()));
        assertStatus(404, hub.send(answer(OTHER, held(CtfFixture.upn(SCHOOL, 2)), "{\"answer\":\"new-to-la\"}"),
                other.token()));
        HttpResponse<String> answered = hub.send(answer(OTHER, unmatched, "{\"answer\":\"upn-wrong\"}"), other.token());
        assertStatus(200, answered);
        assertThat(RunningHub.json(answered).path("schoolSays").asString())
                .isEqualTo("the UPN is wrong and will be corrected in the MIS");
        assertThat(RunningHub.json(hub.send(hub.request("/api/v1/schools/" + OTHER + "/held-summary"), other.token()))
                .path("questionsWaiting").asLong()).isZero();
        HttpResponse<String> list = hub.send(hub.request("/api/v1/held-records"), other.token());
        assertThat(list.body()).contains("\"answer\":\"upn-wrong\"");
    }

    static HttpRequest.Builder answer(String laestab, long id, String json) {
        return hub.request("/api/v1/schools/" + laestab + "/held-records/" + id + "/answer")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @Test
    void theReviewerDecidesInOneQuestionWithOneReasonBesideTheSchoolsAnswer() throws Exception {
        long possible = held(CtfFixture.upn(SCHOOL, 3));
        assertStatus(200, hub.send(answer(SCHOOL, possible, "{\"answer\":\"new-to-la\"}"), school.token()));
        long item = hub.db().sql("select id from review_queue where held_record_id = ?").param(possible)
                .query(Long.class).single();
        PageClient admin = hub.signedIn("sq-reviewer", Role.LA_ADMIN);

        String page = admin.get("/review/" + item).body();
        assertThat(page).contains("The school says the child is new to the LA, or starting in a first setting.",
                "Weighed over every field (probabilistic)", "Link to this person", "Not a match", "New person",
                "exactly the same")
                .doesNotContain("PROBABILISTIC<", "not_a_match").containsOnlyOnce("name=\"reason\"");
        assertThat(admin.get("/review").body()).contains("The school says the child is new to the LA");

        String csrf = admin.csrf("/review/" + item);
        HttpResponse<String> empty = admin.post("/review/" + item, Map.of("_csrf", csrf));
        assertStatus(400, empty);
        assertThat(empty.body()).contains("href=\"#decision\"", "href=\"#reason\"");
        HttpResponse<String> decided = admin.post("/review/" + item, Map.of("_csrf", csrf, "decision", "not-a-match",
                "reason", "Different child: the school says the child is new"));
        assertStatus(302, decided);
        String after = admin.get("/review/" + item).body();
        assertThat(after).contains("Not a match", "Different child: the school says the child is new");
    }
}
