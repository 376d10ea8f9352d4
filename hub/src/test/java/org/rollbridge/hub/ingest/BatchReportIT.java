package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.validation.RuleSettings;
import org.rollbridge.core.validation.Validator;
import org.rollbridge.core.validation.report.ReportFormat;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import tools.jackson.databind.JsonNode;

/**
 * A batch's validation report over HTTP in the CLI's three formats, the same findings as {@code rollbridge validate}
 * gives for the same file, and who may read it.
 */
@HubTest
class BatchReportIT {

    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);
    static RunningHub hub;

    static String upn(String estab, int serial) {
        return Upn.compose("926", estab, 25, serial).value();
    }

    static JsonNode send(RunningHub on, String school, String token, String batchId, String kind, byte[] body)
            throws Exception {
        HttpResponse<String> r = on.upload(school, token, batchId, kind, body);
        return on.awaitBatch(r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(r.body())), token);
    }

    static HttpResponse<String> report(RunningHub on, JsonNode batch, String format, String token) throws Exception {
        return on.send(on.request(batch.path("url").asString() + "/report" + (format == null ? "" : "?format=" + format))
                .GET(), token);
    }

    /** A hostile UPN (a spreadsheet formula), a bad code, and a good mark. */
    static byte[] mixedAttendance(String school, String pupil) {
        return new AttendanceCsv().mark(school, pupil, MONDAY, "AM", "/").mark(school, pupil, MONDAY, "PM", "QQ")
                .mark(school, "=HYPERLINK(\"http://x\")", MONDAY, "AM", "/").bytes();
    }

    @Test
    void theJsonReportHasTheFindingsTheCliGivesForTheSameFile() throws Exception {
        String school = "9269711";
        String token = hub.credentialFor(school);
        String pupil = upn("9711", 1);
        RegisteredPerson.withUpn(pupil).in(hub);
        byte[] csv = mixedAttendance(school, pupil);
        JsonNode batch = send(hub, school, token, "report-json-1", "attendance", csv);

        HttpResponse<String> response = report(hub, batch, null, token);

        assertStatus(200, response);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode json = RunningHub.json(response);
        JsonNode file = json.path("files").get(0);
        assertThat(file.path("path").asString()).isEqualTo("report-json-1");
        assertThat(file.path("kind").asString()).isEqualTo("attendance");
        assertThat(file.path("records").asInt()).isEqualTo(3);
        assertThat(file.path("records_with_errors").asInt()).isEqualTo(2);
        assertThat(file.path("outcome").asString()).isEqualTo("held_back_in_part");
        assertThat(json.path("summary").path("exit_code").asInt()).isEqualTo(1);

        Path same = Files.createTempDirectory("cli").resolve("report-json-1");
        Files.write(same, csv);
        var cli = new java.io.ByteArrayOutputStream();
        ReportFormat.JSON.write(new Validator(RuleSettings.defaults(), null, Clock.systemDefaultZone())
                .validate(List.of(same)), cli);
        JsonNode cliFile = tools.jackson.databind.json.JsonMapper.builder().build().readTree(cli.toString()).path("files").get(0);
        assertThat(file.path("findings")).isEqualTo(cliFile.path("findings"));
        assertThat(ruleIds(file)).contains("ATTENDANCE_CODE_UNKNOWN", "UPN_FORMAT");
    }

    @Test
    void theCsvReportNeutralisesFormulasAndTheHtmlReportIsTheSchoolsPage() throws Exception {
        String school = "9269712";
        String token = hub.credentialFor(school);
        String pupil = upn("9712", 1);
        RegisteredPerson.withUpn(pupil).in(hub);
        JsonNode batch = send(hub, school, token, "report-csv-1", "attendance", mixedAttendance(school, pupil));

        HttpResponse<String> csv = report(hub, batch, "csv", token);
        HttpResponse<String> html = report(hub, batch, "html", token);

        assertStatus(200, csv);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.body())).getRecords();
        List<String> upns = new ArrayList<>();
        rows.forEach(r -> upns.add(r.get("upn")));
        assertThat(upns).contains("'=HYPERLINK(\"http://x\")");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("upn")).doesNotStartWith("="));
        assertStatus(200, html);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
        assertThat(html.body()).contains("Held back in part").contains("ATTENDANCE_CODE_UNKNOWN")
                .doesNotContain("<script").contains("=HYPERLINK(&quot;http://x&quot;)");
    }

    @Test
    void aRefusedBatchHasItsReportAndNothingElse() throws Exception {
        String school = "9269713";
        String token = hub.credentialFor(school);
        JsonNode batch = send(hub, school, token, "report-refused-1", "ctf",
                "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><CTfile>&e;</CTfile>".getBytes());

        JsonNode json = RunningHub.json(report(hub, batch, "json", token));

        assertThat(batch.path("status").asString()).isEqualTo("refused");
        assertThat(json.path("summary").path("outcome").asString()).isEqualTo("refused");
        assertThat(ruleIds(json.path("files").get(0))).containsExactly("XML_DTD_FORBIDDEN");
        assertThat(hub.db().sql("select count(*) from held_records where batch_id = ?::uuid")
                .param(batch.path("id").asString()).query(Long.class).single()).isZero();
    }

    @Test
    void aSchoolReadsOnlyItsOwnBatchesReportsAndTheAdministratorReadsAll() throws Exception {
        String school = "9269714";
        String token = hub.credentialFor(school);
        String other = hub.credentialFor("9269715");
        JsonNode batch = send(hub, school, token, "report-access-1", "ctf",
                CtfFixture.full(school).add(upn("9714", 1)).bytes());

        assertStatus(200, report(hub, batch, "json", token));
        assertStatus(200, report(hub, batch, "json", RunningHub.ADMIN_TOKEN));
        assertStatus(404, report(hub, batch, "html", other));
        assertStatus(401, report(hub, batch, "json", null));
        assertStatus(400, report(hub, batch, "xml", token));
        assertStatus(404, hub.send(hub.request("/api/v1/batches/" + java.util.UUID.randomUUID() + "/report").GET(), token)
                );
    }

    @Test
    void anotherSchoolsBatchIsNotFoundAndItsOwnerNotNamed() throws Exception {
        String school = "9269716";
        String token = hub.credentialFor(school);
        String other = hub.credentialFor("9269717");
        JsonNode batch = send(hub, school, token, "status-access-1", "ctf",
                CtfFixture.full(school).add(upn("9716", 1)).bytes());
        String url = "/api/v1/batches/" + batch.path("id").asString();

        assertStatus(200, hub.send(hub.request(url).GET(), token));
        HttpResponse<String> refused = hub.send(hub.request(url).GET(), other);
        assertStatus(404, refused);
        assertThat(refused.body()).doesNotContain(school);
    }

    static List<String> ruleIds(JsonNode file) {
        List<String> ids = new ArrayList<>();
        file.path("findings").forEach(f -> ids.add(f.path("rule").asString()));
        return ids;
    }
}
