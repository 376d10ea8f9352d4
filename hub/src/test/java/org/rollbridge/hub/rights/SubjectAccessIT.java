package org.rollbridge.hub.rights;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.people.Rectifications;
import org.rollbridge.hub.people.SocialCareImport;
import org.rollbridge.hub.retention.LegalHolds;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.School;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subject access pack for a pupil with something in every section: two schools' records, enrolments, marks and a
 * changed mark, an exclusion, an alert with its decisions, a held record and its review, social care, views and a
 * legal hold. The pack is one zip holding a readable document and the same as JSON; each section is checked in both.
 */
@HubTest
class SubjectAccessIT {

    static final String FIRST = "9266001";
    static final String SECOND = "9266002";
    static RunningHub hub;
    static long person;
    static long heldRecord;
    static JsonNode json;
    static String html;

    @BeforeAll
    static void start() throws Exception {
        String upn = upn(FIRST, 1);
        person = RegisteredPerson.withUpn(upn).named("Philippa", "Wrenfeather").in(hub);
        Pupil pupil = CtfFixture.pupil(upn, "Philippa", "Wrenfeather", List.of());
        School first = hub.school(FIRST);
        first.completed("ctf-1", CtfFixture.full(FIRST).add(pupil));
        // The pupil moved: the first school sent the leaving, so the second school's roll takes them.
        hub.db().sql("update enrolments set to_date = current_date, ended_reason = 'leaving date sent' "
                + "where person_id = ?").param(person).update();
        hub.school(SECOND).completed("ctf-1", CtfFixture.full(SECOND).add(pupil));
        first.completed("att-1", new AttendanceCsv().days(FIRST, upn, LocalDate.of(2025, 9, 8), 5, "L", "L"));
        first.completed("att-2", new AttendanceCsv().days(FIRST, upn, LocalDate.of(2025, 9, 8), 5, "/", "\\"));
        JdbcClient db = hub.db();
        db.sql("""
                insert into exclusions (la, person_id, laestab, exclusion_ref, category, reason, start_date, batch_id)
                values ('926', ?, ?, 'SAR-EX-1', 'SUSP', 'VP', '2025-10-01', gen_random_uuid())""")
                .params(person, FIRST).update();
        long alert = db.sql("""
                insert into alert_cases (la, person_id, kind, laestab, status, detail, resolved_at, resolution)
                values ('926', ?, 'PERSISTENT_ABSENCE', ?, 'resolved', 'absent 12%', now(), 'Back in class since October')
                returning id""").params(person, FIRST).query(Long.class).single();
        db.sql("""
                insert into alert_case_events (la, case_id, event, actor, detail) values
                    ('926', ?, 'raised', null, 'absence 12%'), ('926', ?, 'resolved', 'officer-sar', 'Back in class')""")
                .params(alert, alert).update();
        String batch = db.sql("select id::text from batches where laestab = ? limit 1").param(FIRST)
                .query(String.class).single();
        heldRecord = db.sql("""
                insert into held_records (la, batch_id, laestab, feed, location, upn, reason, detail, status, person_id)
                values ('926', ?::uuid, ?, 'ctf', 'pupil 1', ?, 'REVIEW', 'Surname differs', 'released', ?) returning id""")
                .params(batch, FIRST, upn, person).query(Long.class).single();
        db.sql("""
                insert into review_queue (la, held_record_id, candidate_person_id, rule, score, status, decided_by,
                                          decided_at, decision_reason, decided_person_id)
                values ('926', ?, ?, 'PROBABILISTIC', 11.5, 'linked', 'officer-sar', now(), 'Same child, new surname', ?)""")
                .params(heldRecord, person, person).update();
        Path socialCare = RunningHub.tempDir().resolve("social-care.csv");
        Files.writeString(socialCare, "upn,social_worker,looked_after,child_protection,start_date,end_date\n"
                + upn + ",true,false,false,2025-01-06,\n");
        hub.bean(SocialCareImport.class).load(socialCare);
        hub.bean(Rectifications.class).record(person, "postcode", "nr2 4ab", "Moved in August", "Council tax record",
                "officer-sar", "LA_ADMIN");
        hub.bean(AuditLog.class).record("officer-sar", "LA_ATTENDANCE_OFFICER", AuditAction.VIEW_PUPIL,
                "person:" + person, null, null, "ok");
        hub.bean(LegalHolds.class).hold(person, "Complaint 2026/4 under investigation", LocalDate.of(2099, 1, 1),
                "la-admin", "LA_ADMIN", LocalDate.now());

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(hub.request("/api/v1/persons/" + person + "/subject-access")
                .header("Authorization", "Bearer " + RunningHub.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"SAR-2026-001\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertStatus(200, response);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("subject-access-" + person + ".zip"));
        Map<String, String> files = unzip(response.body());
        assertThat(files).containsOnlyKeys("subject-access-" + person + ".html", "subject-access-" + person + ".json");
        json = JsonMapper.builder().build().readTree(files.get("subject-access-" + person + ".json"));
        html = files.get("subject-access-" + person + ".html");
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static JsonNode rows(String section) {
        for (JsonNode s : json.path("sections")) {
            if (s.path("id").asString().equals(section)) {
                return s.path("rows");
            }
        }
        throw new AssertionError("no section " + section);
    }

    @Test
    void theDocumentReadsAsALetterToThePersonWithEverySection() {
        assertThat(html).contains("<h1>Your records held by the local authority</h1>", "reference " + person);
        for (JsonNode s : json.path("sections")) {
            assertThat(html).contains("id=\"" + s.path("id").asString() + "\"",
                    s.path("title").asString().replace("'", "&#39;"));
        }
        assertThat(json.path("sections")).hasSize(15);
    }

    @Test
    void person() {
        assertThat(rows("person")).singleElement().satisfies(r -> {
            assertThat(r.path("legal surname").asString()).isEqualTo("Wrenfeather");
            assertThat(r.path("date of birth").asString()).isEqualTo("2015-03-14");
        });
        assertThat(html).contains("Wrenfeather", "2015-03-14");
    }

    @Test
    void identifiersWithHowTheyWereMatched() {
        assertThat(rows("identifiers")).anySatisfy(r -> {
            assertThat(r.path("identifier").asString()).isEqualTo("UPN");
            assertThat(r.path("value").asString()).isEqualTo(upn(FIRST, 1));
        });
        assertThat(html).contains(upn(FIRST, 1));
    }

    @Test
    void everySchoolsVersionOfTheRecord() {
        assertThat(rows("schoolRecords")).extracting(r -> r.path("school").asString())
                .containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(rows("schoolRecords").get(0).path("record as the school sent it").path("forename").asString())
                .isEqualTo("Philippa");
        assertThat(html).contains("&quot;forename&quot;");
    }

    @Test
    void correctionsTheLaMadeWithWhyAndOnWhatEvidence() {
        assertThat(rows("rectifications")).singleElement().satisfies(r -> {
            assertThat(r.path("field").asString()).isEqualTo("postcode");
            assertThat(r.path("corrected to").asString()).isEqualTo("NR2 4AB");
            assertThat(r.path("the school had sent").asString()).isEqualTo("NR1 1AA");
            assertThat(r.path("evidence").asString()).isEqualTo("Council tax record");
            assertThat(r.path("corrected by").asString()).isEqualTo("officer-sar");
        });
        assertThat(html).contains("Corrections the LA made to your record", "NR2 4AB", "Council tax record");
    }

    @Test
    void enrolments() {
        assertThat(rows("enrolments")).extracting(r -> r.path("school").asString())
                .containsExactlyInAnyOrder(FIRST, SECOND);
    }

    @Test
    void attendanceMarksAndTheirChanges() {
        assertThat(rows("attendance")).singleElement().satisfies(r ->
                assertThat(r.path("session marks from 1 August").asString()).contains("/\\"));
        assertThat(rows("markChanges")).hasSize(10).allSatisfy(r -> {
            assertThat(r.path("was").asString()).isEqualTo("L");
            assertThat(r.path("became").asString()).isIn("/", "\\");
        });
    }

    @Test
    void exclusions() {
        assertThat(rows("exclusions")).singleElement().satisfies(r ->
                assertThat(r.path("reference").asString()).isEqualTo("SAR-EX-1"));
        assertThat(html).contains("SAR-EX-1");
    }

    @Test
    void alertsAndTheDecisionsOnThem() {
        assertThat(rows("alerts")).singleElement().satisfies(r -> {
            assertThat(r.path("resolution").asString()).isEqualTo("Back in class since October");
            assertThat(r.path("decisions and events")).extracting(e -> e.path("event").asString())
                    .containsExactly("raised", "resolved");
        });
        assertThat(html).contains("Back in class since October", "officer-sar");
    }

    @Test
    void heldRecordsAndMatchingReviews() {
        assertThat(rows("heldRecords")).singleElement().satisfies(r ->
                assertThat(r.path("held record").asLong()).isEqualTo(heldRecord));
        assertThat(rows("reviewDecisions")).singleElement().satisfies(r -> {
            assertThat(r.path("decision").asString()).isEqualTo("linked");
            assertThat(r.path("reason").asString()).isEqualTo("Same child, new surname");
        });
    }

    @Test
    void childrensSocialCare() {
        assertThat(rows("socialCare")).singleElement().satisfies(r ->
                assertThat(r.path("has a social worker").asBoolean()).isTrue());
    }

    @Test
    void sharingSaysThereIsNothingToListYet() {
        assertThat(rows("sharing")).isEmpty();
        assertThat(html).contains("does not yet share records");
    }

    @Test
    void whoLookedAtTheRecordsIncludingThisProduction() {
        assertThat(rows("views")).extracting(r -> r.path("who").asString() + " " + r.path("what").asString())
                .contains("officer-sar VIEW_PUPIL", "shared-admin-token SUBJECT_ACCESS");
        assertThat(hub.db().sql("select reason from audit_events where action = 'SUBJECT_ACCESS' and subject = ?")
                .param("person:" + person).query(String.class).list()).contains("SAR-2026-001");
    }

    @Test
    void legalHolds() {
        assertThat(rows("holds")).singleElement().satisfies(r ->
                assertThat(r.path("reason").asString()).isEqualTo("Complaint 2026/4 under investigation"));
    }

    @Test
    void anAdministratorDownloadsItFromThePupilPageAndNoOneElseMay() throws Exception {
        PageClient admin = hub.signedIn("sar-admin-" + System.nanoTime(), Role.LA_ADMIN);
        PageClient officer = hub.signedIn("sar-officer-" + System.nanoTime(), Role.LA_ATTENDANCE_OFFICER);

        assertThat(admin.get("/pupils/" + person).body()).contains("id=\"subject-access-form\"");
        HttpResponse<String> download = admin.post("/rights/" + person + "/subject-access",
                Map.of("_csrf", admin.csrf("/pupils/" + person), "reason", "SAR-2026-002"));
        HttpResponse<String> refused = officer.post("/rights/" + person + "/subject-access",
                Map.of("_csrf", officer.csrf("/"), "reason", "x"));
        HttpResponse<String> unknown = hub.send(hub.request("/api/v1/persons/999999/subject-access")
                .POST(HttpRequest.BodyPublishers.noBody()), RunningHub.ADMIN_TOKEN);
        HttpResponse<String> school = hub.send(hub.request("/api/v1/persons/" + person + "/subject-access")
                .POST(HttpRequest.BodyPublishers.noBody()), hub.credentialFor(FIRST));

        assertStatus(200, download);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertStatus(403, refused);
        assertStatus(404, unknown);
        assertStatus(403, school);
        assertThat(hub.db().sql("select actor from audit_events where action = 'SUBJECT_ACCESS' and reason = ?")
                .param("SAR-2026-002").query(String.class).list()).singleElement(as(STRING)).startsWith("sar-admin");
    }
}
