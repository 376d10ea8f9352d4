package org.rollbridge.hub.rights;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.rollbridge.hub.testing.CtfFixture.upn;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.people.HeldRecordMatching;
import org.rollbridge.hub.people.RegisterImport;
import org.rollbridge.hub.retention.LegalHolds;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;
import tools.jackson.databind.JsonNode;

/**
 * Erasure on a recorded decision: the person goes at once, their identifiers are kept only as keyed hashes, and
 * nothing recreates them: a later upload is held for review, the register does not load them, a review cannot make
 * them a new person.
 */
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
    void theSuppressionListHoldsKeyedHashesOnlyWhichNoUnkeyedHashOfTheUpnFinds() throws Exception {
        long decision = RunningHub.json(erase(person, "{\"reason\": \"Objection upheld\"}", RunningHub.ADMIN_TOKEN))
                .path("decisionId").asLong();

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RunningHub.SUPPRESSION_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] keyed = mac.doFinal(("926:" + upn(SCHOOL, 1)).getBytes(StandardCharsets.UTF_8));
        byte[] unkeyed = MessageDigest.getInstance("SHA-256").digest(("926:" + upn(SCHOOL, 1))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(hub.db().sql("select value_hmac from suppressed_identifiers where decision_id = ?").param(decision)
                .query(byte[].class).list()).singleElement().isEqualTo(keyed).isNotEqualTo(unkeyed);
    }

    @Test
    void neitherTheRegisterNorAReviewDecisionRecreatesAnErasedPerson() throws Exception {
        long decision = RunningHub.json(erase(person, "{\"reason\": \"Objection upheld\"}", RunningHub.ADMIN_TOKEN))
                .path("decisionId").asLong();
        school.completed("ctf-2", CtfFixture.full(SCHOOL).add(CtfFixture.pupil(upn(SCHOOL, 1), "Objecting", "Person",
                List.of())));
        long held = hub.db().sql("select id from held_records where upn = ? and status = 'held'")
                .param(upn(SCHOOL, 1)).query(Long.class).single();
        long item = hub.db().sql("insert into review_queue (la, held_record_id, rule, score, why) "
                + "values ('926', ?, 'PROBABILISTIC', 6.5, 'name and date of birth') returning id")
                .param(held).query(Long.class).single();
        Path register = RunningHub.tempDir().resolve("register-after-erasure.csv");
        Files.writeString(register, "id,upn,former_upns,uln,legal_forename,legal_surname,dob,sex,postcode\n"
                + "LA-ERASED," + upn(SCHOOL, 1).toLowerCase() + ",,,Objecting,Person,2015-03-14,F,\n"
                + "LA-OTHER," + upn(SCHOOL, 2) + ",,,Another,Child,2015-04-01,M,\n");

        RegisterImport.Result loaded = hub.bean(RegisterImport.class).load(register);
        HttpResponse<String> newPerson = hub.send(hub.request("/api/v1/held-records/" + held + "/confirm-new-person")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"new to the LA\"}")), RunningHub.ADMIN_TOKEN);
        HttpResponse<String> reviewed = hub.send(hub.request("/api/v1/review-queue/" + item + "/new-person")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"new to the LA\"}")), RunningHub.ADMIN_TOKEN);
        hub.bean(HeldRecordMatching.class).rematchHeld(List.of(held), false);

        assertThat(loaded.problems()).singleElement(as(STRING)).startsWith("register-after-erasure.csv line 2: this "
                + "person was erased (erasure decision " + decision + ")");
        assertThat(hub.db().sql("select register_id from persons order by register_id").query(String.class).list())
                .as("only the other child").containsExactly("LA-OTHER");
        assertStatus(409, newPerson);
        assertThat(RunningHub.json(newPerson).path("message").asString()).contains("erasure decision " + decision);
        assertStatus(409, reviewed);
        assertThat(hub.db().sql("select reason || '|' || status || '|' || detail from held_records where id = ?")
                .param(held).query(String.class).single()).as("still held for review after matching again")
                .startsWith("REVIEW|held|").contains("erasure decision " + decision);
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
