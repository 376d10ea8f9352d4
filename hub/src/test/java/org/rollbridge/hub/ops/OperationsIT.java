package org.rollbridge.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

@HubTest
class OperationsIT {

    static RunningHub hub;

    @Test
    void metricsCountBatchesRecordsAndSchoolLagWithoutPersonalData() throws Exception {
        School school = hub.school("9266001");
        String upn = Upn.compose("926", "6001", 25, 1).value();
        RegisteredPerson.withUpn(upn).in(hub);
        school.completed("roll-1", CtfFixture.partial(school.laestab()).add(upn));
        // Other test classes share this hub and its counters: what counts is what this batch adds.
        String before = metrics();
        school.send("m-1", "attendance",
                new AttendanceCsv().days(school.laestab(), upn, LocalDate.of(2025, 9, 8), 1, "/", "\\").bytes());

        // The batch reads as completed once its transaction commits; the worker counts it just after.
        String metrics = metrics();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (sample(metrics, "rollbridge_batches_total{kind=\"attendance\",status=\"completed\"")
                == sample(before, "rollbridge_batches_total{kind=\"attendance\",status=\"completed\"")
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            metrics = metrics();
        }

        assertThat(sample(metrics, "rollbridge_batches_total{kind=\"attendance\",status=\"completed\"")
                - sample(before, "rollbridge_batches_total{kind=\"attendance\",status=\"completed\"")).isEqualTo(1);
        assertThat(sample(metrics, "rollbridge_records_total{kind=\"attendance\",outcome=\"imported\"")
                - sample(before, "rollbridge_records_total{kind=\"attendance\",outcome=\"imported\"")).isEqualTo(2);
        assertThat(metrics).contains("rollbridge_batches_total{kind=\"attendance\",status=\"completed\"")
                .contains("rollbridge_records_total{kind=\"attendance\",outcome=\"imported\"")
                .contains("rollbridge_school_lag_seconds{laestab=\"9266001\"")
                .contains("rollbridge_jobs_waiting")
                .doesNotContain(upn).doesNotContain("Pupil");
    }

    static String metrics() throws Exception {
        return hub.send(hub.request("/actuator/prometheus").GET(), RunningHub.ADMIN_TOKEN).body();
    }

    /** The value of the first sample whose line starts so, 0 when there is none yet. */
    static double sample(String metrics, String start) {
        return metrics.lines().filter(l -> l.startsWith(start)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
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
