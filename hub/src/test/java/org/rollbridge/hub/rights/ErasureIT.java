package org.rollbridge.hub.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.retention.LegalHolds;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;
import tools.jackson.databind.JsonNode;

/** Erasure on a recorded decision: the person goes at once, and a later upload naming them is held for review. */
@HubTest
class ErasureIT {

    static final String SCHOOL = "9267001";
    static RunningHub hub;
    School school;
    long person;

    @BeforeEach
    void aPupilOnTheRoll() throws Exception {
        hub.reset();
        person = RegisteredPerson.withUpn(upn(SCHOOL, 1)).named("Objecting", "Person").in(hub);
        school = hub.school(SCHOOL);
        school.completed("ctf-1", CtfFixture.full(SCHOOL).add(CtfFixture.pupil(upn(SCHOOL, 1), "Objecting", "Person",
                List.of())));
        hub.bean(AuditLog.class).record("officer-e", "LA_ATTENDANCE_OFFICER", AuditAction.VIEW_PUPIL,
                "person:" + person, null, "looked", "ok");
    }

    static HttpResponse<String> erase(long person, String body, String token) throws Exception {
        return hub.send(hub.request("/api/v1/persons/" + person + "/erasure").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    @Test
    void theDecisionDeletesThePersonAtOnceAndALaterUploadIsHeldForReview() throws Exception {
        Path upload = Path.of(hub.db().sql("select stored_path from batches").query(String.class).single());

        HttpResponse<String> erased = erase(person, "{\"reason\": \"Objection upheld (UK GDPR art. 21)\", "
                + "\"reference\": \"OBJ-2026-7\"}", RunningHub.ADMIN_TOKEN);
        JsonNode later = school.completed("ctf-2", CtfFixture.full(SCHOOL).add(CtfFixture.pupil(upn(SCHOOL, 1),
                "Objecting", "Person", List.of())));

        assertStatus(200, erased);
        long decision = RunningHub.json(erased).path("decisionId").asLong();
        assertThat(RunningHub.json(erased).path("identifiersSuppressed").asInt()).isEqualTo(1);
        assertThat(hub.db().sql("select count(*) from persons").query(Long.class).single()).isZero();
        assertThat(Files.exists(upload)).as("the raw upload that held them").isFalse();
        assertThat(hub.db().sql("select reference from erasure_decisions where id = ?").param(decision)
                .query(String.class).single()).isEqualTo("OBJ-2026-7");
        assertThat(hub.db().sql("select count(*) from suppressed_identifiers s where s::text like ?")
                .param("%" + upn(SCHOOL, 1) + "%").query(Long.class).single()).as("kept only as a hash").isZero();
        assertThat(hub.db().sql("select subject || '|' || coalesce(detail, '') from audit_events where actor = 'officer-e'")
                .query(String.class).single()).isEqualTo("person|");
        assertThat(hub.db().sql("select count(*) from audit_events where action = 'ERASURE' and subject = ?")
                .param("erasure:" + decision).query(Long.class).single()).isEqualTo(1);
        assertThat(later.path("records").path("held").asInt()).isEqualTo(1);
        assertThat(hub.db().sql("select reason || '|' || detail from held_records where upn = ?").param(upn(SCHOOL, 1))
                .query(String.class).single()).startsWith("REVIEW|").contains("erasure decision " + decision);
        assertThat(hub.db().sql("select count(*) from persons").query(Long.class).single())
                .as("not recreated").isZero();
    }

    @Test
    void aHeldPersonCannotBeErasedAndNeitherCanAnUnknownOneOrWithoutAReason() throws Exception {
        hub.bean(LegalHolds.class).hold(person, "Litigation", LocalDate.now().plusYears(1), "la-admin", "LA_ADMIN",
                LocalDate.now());

        assertStatus(409, erase(person, "{\"reason\": \"Objection upheld\"}", RunningHub.ADMIN_TOKEN));
        assertStatus(400, erase(person, "{}", RunningHub.ADMIN_TOKEN));
        assertStatus(404, erase(999999, "{\"reason\": \"x\"}", RunningHub.ADMIN_TOKEN));
        assertStatus(403, erase(person, "{\"reason\": \"x\"}", hub.credentialFor(SCHOOL)));
        assertThat(hub.db().sql("select count(*) from persons where id = ?").param(person).query(Long.class).single())
                .isEqualTo(1);
        assertThat(hub.db().sql("select count(*) from erasure_decisions").query(Long.class).single()).isZero();
    }
}
