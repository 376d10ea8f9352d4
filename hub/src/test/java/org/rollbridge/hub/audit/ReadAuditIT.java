package org.rollbridge.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;
import tools.jackson.databind.JsonNode;

/**
 * Every read of pupil-level data is audited with who, what and which pupils, one row per request (finding 5 of
 * the security review): batch reports on the page and the API, held records on the API, pupil pages and refused
 * looks at them, and searches with their term and what they found.
 */
@HubTest
class ReadAuditIT {

    static final String SCHOOL = "9265101";
    static final String OTHER = "9265102";
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);
    static RunningHub hub;
    static School school;
    static long pupil;
    static String pupilUpn;
    static String unknownUpn;
    static JsonNode attendance;

    @BeforeAll
    static void start() throws Exception {
        pupilUpn = CtfFixture.upn(SCHOOL, 1);
        unknownUpn = CtfFixture.upn(SCHOOL, 9);
        pupil = RegisteredPerson.withUpn(pupilUpn).in(hub);
        school = hub.school(SCHOOL);
        school.completed("ctf-1", CtfFixture.full(SCHOOL).add(pupilUpn));
        // A bad code for the known pupil (a finding naming them) and a mark for a pupil the LA does not know (held).
        attendance = school.completed("att-1", new AttendanceCsv().mark(SCHOOL, pupilUpn, MONDAY, "AM", "/")
                .mark(SCHOOL, pupilUpn, MONDAY, "PM", "QQ").mark(SCHOOL, unknownUpn, MONDAY, "AM", "/"));
    }

    static List<AuditLog.Event> events(String actor, AuditAction action) {
        return hub.bean(AuditLog.class).search(new AuditLog.Search(actor, action, null, null, null, null), 1, 100)
                .events();
    }

    @Test
    void aBatchReportReadThroughTheApiIsAuditedWithTheSchoolAsActorAndThePupilsItNames() throws Exception {
        String url = attendance.path("url").asString() + "/report?format=csv";

        assertStatus(200, hub.send(hub.request(url).GET(), school.token()));

        List<AuditLog.Event> reads = events("school " + SCHOOL, AuditAction.VIEW_REPORT).stream()
                .filter(e -> e.detail().contains("csv")).toList();
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).subject()).isEqualTo("batch:" + attendance.path("id").asString());
        assertThat(reads.get(0).pupils().upns()).contains(pupilUpn);
    }

    @Test
    void aBatchStatusWhoseFindingsNameAPupilIsAuditedWithThemAndOneThatNamesNobodyIsNot() throws Exception {
        // A UPN with a wrong check letter: the finding's message quotes it, and the status shows that message.
        String typed = (pupilUpn.charAt(0) == 'A' ? "B" : "A") + pupilUpn.substring(1);
        JsonNode mistyped = school.completed("att-typo", new AttendanceCsv().mark(SCHOOL, typed, MONDAY, "AM", "/"));

        assertStatus(200, hub.send(hub.request(mistyped.path("url").asString()).GET(), school.token()));
        assertStatus(200, hub.send(hub.request(attendance.path("url").asString()).GET(), school.token()));

        List<AuditLog.Event> statuses = events("school " + SCHOOL, AuditAction.VIEW_REPORT).stream()
                .filter(e -> e.detail().startsWith("status")).toList();
        assertThat(statuses).isNotEmpty().allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo("batch:" + mistyped.path("id").asString());
            assertThat(e.pupils().upns()).containsExactly(typed);
        });
        assertThat(hub.send(hub.request(mistyped.path("url").asString()).GET(), school.token()).body())
                .contains(typed);
    }

    @Test
    void aPersonsRetentionStatusCorrectionsAndTheLegalHoldsReadThroughTheApiAreAuditedWithThePerson()
            throws Exception {
        String admin = RunningHub.ADMIN_TOKEN;
        assertStatus(201, hub.send(hub.request("/api/v1/retention/holds").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"personId\": " + pupil
                        + ", \"reason\": \"claim\", \"reviewOn\": \"2030-01-01\"}")), admin));

        assertStatus(200, hub.send(hub.request("/api/v1/persons/" + pupil + "/retention").GET(), admin));
        assertStatus(200, hub.send(hub.request("/api/v1/persons/" + pupil + "/rectifications").GET(), admin));
        assertStatus(200, hub.send(hub.request("/api/v1/retention/holds").GET(), admin));

        List<AuditLog.Event> reads = events("shared-admin-token", AuditAction.VIEW_PUPIL);
        assertThat(reads).extracting(AuditLog.Event::detail).contains("retention status through the API",
                "0 correction(s) through the API", "1 legal hold(s) through the API");
        assertThat(reads).filteredOn(e -> e.detail().contains("through the API"))
                .allSatisfy(e -> assertThat(e.pupils().persons()).containsExactly(pupil));
    }

    @Test
    void aBatchReportPageIsAuditedWithThePupilsItNames() throws Exception {
        PageClient manager = hub.signedIn("read-dm", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));

        assertStatus(200, manager.get("/schools/" + SCHOOL + "/batches/" + attendance.path("id").asString()
                + "/report"));

        List<AuditLog.Event> reads = events("read-dm", AuditAction.VIEW_REPORT);
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).pupils().upns()).contains(pupilUpn);
        assertThat(reads.get(0).role()).isEqualTo("SCHOOL_DATA_MANAGER");
    }

    @Test
    void heldRecordsReadThroughTheApiAreAuditedWithTheirUpns() throws Exception {
        assertStatus(200, hub.send(hub.request("/api/v1/held-records").GET(), school.token()));

        List<AuditLog.Event> reads = events("school " + SCHOOL, AuditAction.VIEW_HELD);
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).subject()).isEqualTo("school:" + SCHOOL);
        // The unknown pupil's mark (unmatched) and the known pupil's bad code (an error) are both held.
        assertThat(reads.get(0).pupils().upns()).containsExactlyInAnyOrder(unknownUpn, pupilUpn);
    }

    @Test
    void aPupilPageIsAuditedWithThePupilAndARefusedLookIsAuditedAsRefused() throws Exception {
        PageClient officer = hub.signedIn("read-officer", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        PageClient stranger = hub.signedIn("read-stranger", Role.SCHOOL_DATA_MANAGER, Organisation.school(OTHER));

        assertStatus(200, officer.get("/pupils/" + pupil));
        assertStatus(404, stranger.get("/pupils/" + pupil));

        List<AuditLog.Event> seen = events("read-officer", AuditAction.VIEW_PUPIL);
        assertThat(seen).extracting(AuditLog.Event::outcome).containsExactly("ok");
        assertThat(seen.get(0).pupils().persons()).containsExactly(pupil);
        List<AuditLog.Event> refused = events("read-stranger", AuditAction.VIEW_PUPIL);
        assertThat(refused).extracting(AuditLog.Event::outcome).containsExactly("refused");
        assertThat(refused.get(0).pupils().persons()).containsExactly(pupil);
    }

    @Test
    void aSearchIsAuditedWithItsTermAndWhatItFound() throws Exception {
        PageClient officer = hub.signedIn("read-searcher", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        officer.get("/pupils?upn=" + pupilUpn.toLowerCase());
        officer.get("/pupils?upn=" + unknownUpn);

        List<AuditLog.Event> searches = events("read-searcher", AuditAction.SEARCH);
        assertThat(searches).hasSize(2);
        AuditLog.Event found = searches.get(1);
        AuditLog.Event nobody = searches.get(0);
        assertThat(found.detail()).contains(pupilUpn).contains("1 found");
        assertThat(found.pupils().persons()).containsExactly(pupil);
        assertThat(nobody.detail()).contains(unknownUpn).contains("0 found");
        assertThat(nobody.pupils().persons()).isEmpty();
        assertThat(nobody.pupils().upns()).containsExactly(unknownUpn);
    }

    @Test
    void theLogIsSearchedByPupilAcrossPagesReportsAndTheApi() throws Exception {
        PageClient officer = hub.signedIn("read-trail", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        officer.get("/pupils/" + pupil);
        hub.send(hub.request(attendance.path("url").asString() + "/report").GET(), RunningHub.ADMIN_TOKEN);

        List<AuditLog.Event> trail = hub.bean(AuditLog.class).search(new AuditLog.Search(null, null, null,
                pupilUpn, null, null), 1, 100).events();

        assertThat(trail).extracting(AuditLog.Event::action).contains(AuditAction.VIEW_PUPIL,
                AuditAction.VIEW_REPORT);
        assertThat(trail).allSatisfy(e -> assertThat(e.pupils().persons().contains(pupil)
                || e.pupils().upns().contains(pupilUpn) || ("person:" + pupil).equals(e.subject())).isTrue());
    }

    @Test
    void erasingAPupilTakesThemOutOfEveryReadThatNamedThemAndLeavesTheOthers() throws Exception {
        String leaverUpn = CtfFixture.upn(SCHOOL, 5);
        long leaver = RegisteredPerson.withUpn(leaverUpn).in(hub);
        school.completed("ctf-erase", CtfFixture.full(SCHOOL).add(leaverUpn));
        AuditLog audit = hub.bean(AuditLog.class);
        audit.record("read-eraser", "LA_ADMIN", AuditAction.SEARCH, "alert-queue", null, "two pupils", "ok",
                new Pupils(List.of(leaver, pupil), List.of(leaverUpn, pupilUpn)));
        audit.record("read-eraser", "LA_ADMIN", AuditAction.VIEW_PUPIL, "person:" + leaver, null, "pupil page", "ok",
                Pupils.person(leaver));

        assertStatus(200, hub.send(hub.request("/api/v1/persons/" + leaver + "/erasure")
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers
                        .ofString("{\"reason\": \"Objection upheld\"}")), RunningHub.ADMIN_TOKEN));

        assertThat(hub.db().sql("select count(*) from audit_events t where t::text like ? or ? = any(persons)")
                .params("%" + leaverUpn + "%", leaver).query(Long.class).single()).isZero();
        List<AuditLog.Event> left = events("read-eraser", null);
        assertThat(left).extracting(AuditLog.Event::pupils).containsExactlyInAnyOrder(
                new Pupils(List.of(pupil), List.of(pupilUpn)), Pupils.NONE);
        assertThat(left).allSatisfy(e -> assertThat(e.detail()).isNull());
    }
}
