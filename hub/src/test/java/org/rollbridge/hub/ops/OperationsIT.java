package org.rollbridge.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.hub.people.PersonIndex;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.RunningHub;

class OperationsIT {

    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(RunningHub.tempDir());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void metricsCountBatchesRecordsAndSchoolLagWithoutPersonalData() throws Exception {
        String school = "9266001";
        String token = hub.credentialFor(school);
        String upn = Upn.compose("926", "6001", 25, 1).value();
        hub.bean(PersonIndex.class).register(new PersonIndex.Person("ops-1", upn, List.of(), null, "Pat", "Pupil",
                LocalDate.of(2015, 1, 1), "F", null), "register", null);
        var response = hub.upload(school, token, "m-1", "attendance",
                new AttendanceCsv().days(school, upn, LocalDate.of(2025, 9, 8), 1, "/", "\\").bytes());
        hub.awaitBatch(response.headers().firstValue("Location").orElseThrow(), token);

        String metrics = hub.send(hub.request("/actuator/prometheus").GET(), RunningHub.ADMIN_TOKEN).body();

        assertThat(metrics).contains("rollbridge_batches_total{kind=\"attendance\",status=\"completed\"")
                .contains("rollbridge_records_total{kind=\"attendance\",outcome=\"imported\"")
                .contains("rollbridge_school_lag_seconds{laestab=\"9266001\"")
                .contains("rollbridge_jobs_waiting")
                .doesNotContain(upn).doesNotContain("Pupil");
    }

    /** The checked-in OpenAPI document is the one the service serves, so it lists every endpoint. */
    @Test
    void theCheckedInOpenApiDocumentMatchesTheService() throws Exception {
        String served = hub.send(hub.request("/v3/api-docs.yaml").GET(), RunningHub.ADMIN_TOKEN).body()
                .replaceAll("url: http://127\\.0\\.0\\.1:\\d+", "url: http://localhost:8080");
        Path checkedIn = Path.of("..", "docs", "openapi.yaml");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.yaml"), served);

        assertThat(served).contains("/api/v1/schools/{laestab}/batches").contains("/api/v1/batches/{id}")
                .contains("/api/v1/held-records/{id}/confirm-new-person");
        assertThat(Files.exists(checkedIn) ? Files.readString(checkedIn) : "")
                .as("docs/openapi.yaml is out of date: copy hub/target/openapi.yaml over it").isEqualTo(served);
    }
}
