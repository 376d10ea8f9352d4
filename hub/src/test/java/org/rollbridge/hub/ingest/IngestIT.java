package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import tools.jackson.databind.JsonNode;

@HubTest
class IngestIT {

    static RunningHub hub;
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    static String upn(String estab, int serial) {
        return Upn.compose("926", estab, 25, serial).value();
    }

    static long registered(String upn) {
        return RegisteredPerson.withUpn(upn).in(hub);
    }

    /** Registered pupils on the school's roll by its CTF: a school sends attendance for its own pupils only. */
    static void onRoll(String school, String token, String... upns) throws Exception {
        CtfFixture ctf = CtfFixture.partial(school);
        for (String upn : upns) {
            registered(upn);
            ctf.add(upn);
        }
        JsonNode batch = hub.awaitBatch(location(hub.upload(school, token, "roll-" + upns[0], "ctf", ctf.bytes())),
                token);
        assertThat(batch.path("status").asString()).isEqualTo("completed");
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "No Location: " + response.statusCode() + " " + response.body()));
    }

    @Test
    void theSameBatchTwiceIsOneBatchAndChangedContentUnderItsIdIsRefused() throws Exception {
        String school = "9263001";
        String token = hub.credentialFor(school);
        String pupil = upn("3001", 1);
        onRoll(school, token, pupil);
        byte[] csv = new AttendanceCsv().days(school, pupil, MONDAY, 5, "/", "\\").bytes();

        HttpResponse<String> first = hub.upload(school, token, "nightly-1", "attendance", csv);
        HttpResponse<String> again = hub.upload(school, token, "nightly-1", "attendance", csv);
        byte[] changed = new AttendanceCsv().days(school, pupil, MONDAY, 5, "N", "N").bytes();
        HttpResponse<String> conflicting = hub.upload(school, token, "nightly-1", "attendance", changed);

        assertStatus(202, first);
        assertStatus(200, again);
        assertThat(RunningHub.json(again).path("id").asString()).isEqualTo(RunningHub.json(first).path("id").asString());
        assertStatus(409, conflicting);
        assertThat(RunningHub.json(conflicting).path("message").asString())
                .contains("nightly-1").contains("different content");
        JsonNode done = hub.awaitBatch(location(first), token);
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("records").path("imported").asInt()).isEqualTo(10);
        assertThat(hub.db().sql("select count(*) from batches where laestab = ? and kind = 'attendance'")
                .param(school).query(Long.class).single()).isEqualTo(1);
        assertThat(hub.db().sql("select marks from attendance_years a join person_identifiers p "
                        + "on p.person_id = a.person_id where p.value = ?").param(pupil).query(String.class).single())
                .contains("/\\/\\/\\/\\/\\");
    }

    @Test
    void aGzippedUploadIsTheSameContentAsThePlainOne() throws Exception {
        String school = "9263002";
        String token = hub.credentialFor(school);
        byte[] csv = new AttendanceCsv().days(school, upn("3002", 1), MONDAY, 1, "/", "\\").bytes();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv);
        }
        HttpResponse<String> zipped = hub.send(hub.request("/api/v1/schools/" + school + "/batches?kind=attendance")
                .header("Content-Type", "text/csv").header("Content-Encoding", "gzip")
                .header("Idempotency-Key", "g-1").POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())), token);
        HttpResponse<String> plain = hub.upload(school, token, "g-1", "attendance", csv);

        assertStatus(202, zipped);
        assertStatus(200, plain);
    }

    @Test
    void aBodyThatIsNotGzipUnderContentEncodingGzipIsABadRequest() throws Exception {
        String school = "9263012";
        String token = hub.credentialFor(school);
        byte[] csv = new AttendanceCsv().days(school, upn("3012", 1), MONDAY, 1, "/", "\\").bytes();

        HttpResponse<String> answer = hub.send(hub.request("/api/v1/schools/" + school + "/batches?kind=attendance")
                .header("Content-Type", "text/csv").header("Content-Encoding", "gzip")
                .header("Idempotency-Key", "not-gzip-1").POST(HttpRequest.BodyPublishers.ofByteArray(csv)), token);

        assertStatus(400, answer);
        assertThat(answer.body()).contains("not valid gzip");
    }

    @Test
    void everyEndpointButHealthNeedsACredentialAndASchoolOnlyItsOwn() throws Exception {
        String token = hub.credentialFor("9263003");
        hub.credentialFor("9263004");

        assertStatus(401, hub.send(hub.request("/api/v1/schools/9263003/batches").POST(HttpRequest.BodyPublishers.noBody()),
                null));
        assertStatus(401, hub.send(hub.request("/api/v1/held-records").GET(), "not-a-token"));
        assertStatus(401, hub.send(hub.request("/actuator/prometheus").GET(), null));
        assertStatus(403, hub.upload("9263004", token, "x", "attendance", new byte[0]));
        assertStatus(403, hub.send(hub.request("/api/v1/admin/schools/9263003/credentials")
                .POST(HttpRequest.BodyPublishers.noBody()), token));
        assertStatus(200, hub.send(hub.request("/actuator/health").GET(), null));
        assertStatus(200, hub.send(hub.request("/actuator/health/readiness").GET(), null));
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedWithItsReportAndNothingStored() throws Exception {
        String school = "9263005";
        String token = hub.credentialFor(school);
        byte[] csv = "laestab,pupil,date\n9263005,x,2025-09-08\n".getBytes();

        JsonNode batch = hub.awaitBatch(location(hub.upload(school, token, "bad-1", "attendance", csv)), token);

        assertThat(batch.path("status").asString()).isEqualTo("refused");
        assertThat(batch.path("report").path("findings").toString()).contains("CSV_HEADER")
                .contains("no upn column").contains("no session column").contains("no code column");
        assertThat(hub.db().sql("select count(*) from attendance_years where laestab = ?").param(school)
                .query(Long.class).single()).isZero();
    }

    @Test
    void recordsWithErrorsAreHeldAndListedWhileGoodOnesImport() throws Exception {
        String school = "9263006";
        String token = hub.credentialFor(school);
        String pupil = upn("3006", 1);
        onRoll(school, token, pupil);
        byte[] csv = new AttendanceCsv().mark(school, pupil, MONDAY, "AM", "/")
                .mark(school, pupil, MONDAY, "PM", "QQ")
                .mark(school, "A123", MONDAY, "AM", "/").bytes();

        JsonNode batch = hub.awaitBatch(location(hub.upload(school, token, "mixed-1", "attendance", csv)), token);

        assertThat(batch.path("status").asString()).isEqualTo("completed");
        assertThat(batch.path("records").path("imported").asInt()).isEqualTo(1);
        assertThat(batch.path("records").path("held").asInt()).isEqualTo(2);
        assertThat(batch.path("report").path("findings").toString()).contains("line 3").contains("ATTENDANCE_CODE_UNKNOWN")
                .contains("line 4").contains("UPN_FORMAT");
        assertThat(hub.db().sql("""
                select rule_id || ' ' || field || ' ' || location from held_records
                where batch_id = ?::uuid and reason = 'ERROR' order by id""")
                .param(batch.path("id").asString()).query(String.class).list())
                .containsExactly("ATTENDANCE_CODE_UNKNOWN code line 3", "UPN_FORMAT UPN line 4");
    }

    @Test
    void marksOfAPupilNotOnTheRollAreHeldAndFollowTheCtfTheLaConfirmsAsANewPerson() throws Exception {
        String school = "9263007";
        String token = hub.credentialFor(school);
        String pupil = upn("3007", 1);
        byte[] csv = new AttendanceCsv().days(school, pupil, MONDAY, 5, "/", "N").bytes();

        JsonNode batch = hub.awaitBatch(location(hub.upload(school, token, "new-1", "attendance", csv)), token);
        assertThat(batch.path("records").path("held").asInt()).isEqualTo(10);
        assertThat(hub.db().sql("select count(*) from attendance_years where laestab = ?").param(school)
                .query(Long.class).single()).isZero();
        JsonNode held = RunningHub.json(hub.send(hub.request("/api/v1/held-records?laestab=" + school).GET(),
                RunningHub.ADMIN_TOKEN));
        assertThat(held.size()).isEqualTo(1);
        assertThat(held.get(0).path("reason").asString()).isEqualTo("NOT_ON_ROLL");
        // Marks alone make nobody a pupil: the school's record of the child does.
        assertStatus(409, confirmNewPerson(held.get(0).path("id").asLong()));

        JsonNode ctf = hub.awaitBatch(location(hub.upload(school, token, "ctf-1", "ctf",
                CtfFixture.partial(school).add(CtfFixture.pupil(pupil, "Ottoline", "Nottonroll", List.of())).bytes())),
                token);
        assertThat(ctf.path("records").path("held").asInt()).isEqualTo(1);
        long heldCtf = hub.db().sql("select id from held_records where laestab = ? and feed = 'ctf'").param(school)
                .query(Long.class).single();
        HttpResponse<String> noReason = hub.send(hub.request("/api/v1/held-records/" + heldCtf
                + "/confirm-new-person").POST(HttpRequest.BodyPublishers.noBody()), RunningHub.ADMIN_TOKEN);
        assertStatus(400, noReason);
        assertThat(RunningHub.json(noReason).path("message").asString()).startsWith("Give a reason for the decision");

        HttpResponse<String> confirmed = confirmNewPerson(heldCtf);

        assertStatus(200, confirmed);
        assertThat(RunningHub.json(confirmed).path("status").asString()).isEqualTo("released");
        assertThat(hub.db().sql("select marks from attendance_years where laestab = ?").param(school)
                .query(String.class).single()).contains("/N/N/N/N/N");
        assertThat(hub.db().sql("select distinct status from held_records where laestab = ?").param(school)
                .query(String.class).list()).containsExactly("released");
    }

    private static HttpResponse<String> confirmNewPerson(long heldId) throws Exception {
        return hub.send(hub.request("/api/v1/held-records/" + heldId + "/confirm-new-person")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"new to the LA: moved from Wales\"}")),
                RunningHub.ADMIN_TOKEN);
    }

    @Test
    void aChangedMarkIsStoredAndItsHistoryKept() throws Exception {
        String school = "9263008";
        String token = hub.credentialFor(school);
        String pupil = upn("3008", 1);
        onRoll(school, token, pupil);
        long person = hub.db().sql("select person_id from person_identifiers where value = ?").param(pupil)
                .query(Long.class).single();
        hub.awaitBatch(location(hub.upload(school, token, "d-1", "attendance",
                new AttendanceCsv().mark(school, pupil, MONDAY, "AM", "N").mark(school, pupil, MONDAY, "PM", "N")
                        .bytes())), token);
        hub.awaitBatch(location(hub.upload(school, token, "d-2", "attendance",
                new AttendanceCsv().mark(school, pupil, MONDAY, "AM", "C1").bytes())), token);

        var history = hub.db().sql("select session, old_code, new_code from mark_history where person_id = ?")
                .param(person).query().listOfRows();
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("session", "AM").containsEntry("old_code", "N")
                .containsEntry("new_code", "C1");
        String marks = hub.db().sql("select marks from attendance_years where person_id = ?").param(person)
                .query(String.class).single();
        assertThat(marks.strip()).isEqualTo("aN");
    }

    @Test
    void twoSchoolsUploadingAtOnceBothLandWhole() throws Exception {
        String a = "9263009";
        String b = "9263010";
        String tokenA = hub.credentialFor(a);
        String tokenB = hub.credentialFor(b);
        AttendanceCsv csvA = new AttendanceCsv();
        AttendanceCsv csvB = new AttendanceCsv();
        String[] pupilsA = new String[40];
        String[] pupilsB = new String[40];
        for (int i = 1; i <= 40; i++) {
            pupilsA[i - 1] = upn("3009", i);
            pupilsB[i - 1] = upn("3010", i);
            csvA.days(a, upn("3009", i), MONDAY, 5, "/", "\\");
            csvB.days(b, upn("3010", i), MONDAY, 5, "I", "I");
        }
        onRoll(a, tokenA, pupilsA);
        onRoll(b, tokenB, pupilsB);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> sent = pool.invokeAll(List.<Callable<HttpResponse<String>>>of(
                () -> hub.upload(a, tokenA, "same-id", "attendance", csvA.bytes()),
                () -> hub.upload(b, tokenB, "same-id", "attendance", csvB.bytes())));
        pool.shutdown();

        for (var f : sent) {
            assertStatus(202, f.get());
        }
        JsonNode batchA = hub.awaitBatch(location(sent.get(0).get()), tokenA);
        JsonNode batchB = hub.awaitBatch(location(sent.get(1).get()), tokenB);
        assertThat(batchA.path("records").path("imported").asInt()).isEqualTo(400);
        assertThat(batchB.path("records").path("imported").asInt()).isEqualTo(400);
        assertThat(hub.db().sql("select count(*) from attendance_years where laestab in (?, ?)").params(a, b)
                .query(Long.class).single()).isEqualTo(80);
    }
}
