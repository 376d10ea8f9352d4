package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.PupilApi;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.TestDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A worker that dies after any step of the pipeline (staged, matched, or merged but not yet marked done) leaves
 * nothing half-imported and nothing doubled; after a restart the batch completes and the hub holds the school's
 * file, as the read API shows. Stopping and starting hubs is what is tested, so this class starts its own, on a
 * database of its own for each step.
 */
class CrashRecoveryIT {

    static final String SCHOOL = "9265001";

    /** Stands for the process dying: an Error is not handled, so the claim's transaction is never committed. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(PipelineProbe.Step step) {
            super("simulated crash after " + step);
        }
    }

    static volatile CountDownLatch crashed;
    static volatile PipelineProbe.Step crashAfter;
    static volatile Map<String, Object> stateAtCrash;

    /** A plain bean class (not a scanned configuration), so that no other hub built with this test jar crashes. */
    static class CrashAfterStep {
        @Bean
        PipelineProbe crashAfterStep(JdbcClient db) {
            return (step, batchId) -> {
                if (step == crashAfter) {
                    stateAtCrash = db.sql("""
                            select (select count(*) from stage_pupils where batch_id = ?) as staged,
                                   (select count(*) from pupils where laestab = ?) as pupils,
                                   (select count(*) from enrolments where laestab = ?) as enrolments,
                                   (select count(*) from held_records where batch_id = ?) as held""")
                            .params(batchId, SCHOOL, SCHOOL, batchId).query().singleRow();
                    crashed.countDown();
                    throw new SimulatedCrash(step);
                }
            };
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineProbe.Step.class)
    void aBatchInterruptedAfterAnyStepIsCompletedOnceAfterRestart(PipelineProbe.Step step) throws Exception {
        crashAfter = step;
        crashed = new CountDownLatch(1);
        boolean merged = step == PipelineProbe.Step.MERGED;
        var dir = RunningHub.tempDir();
        TestDatabase database = TestDatabase.create();
        String token;
        String location;
        UUID batchId;
        try (RunningHub first = RunningHub.start(database, new Class<?>[] {CrashAfterStep.class}, dir,
                "--ROLLBRIDGE_WORKERS=1")) {
            token = first.credentialFor(SCHOOL);
            for (int i = 1; i <= 3; i++) {
                RegisteredPerson.withUpn(CtfFixture.upn(SCHOOL, i)).in(first);
            }
            CtfFixture ctf = CtfFixture.full(SCHOOL).add(CtfFixture.upn(SCHOOL, 1)).add(CtfFixture.upn(SCHOOL, 2))
                    .add(CtfFixture.upn(SCHOOL, 4));
            var response = first.upload(SCHOOL, token, "crash-1", "ctf", ctf.bytes());
            location = response.headers().firstValue("Location").orElseThrow();
            batchId = UUID.fromString(RunningHub.json(response).path("id").asString());
            assertThat(crashed.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(stateAtCrash).containsEntry("staged", 3L).containsEntry("pupils", merged ? 2L : 0L)
                .containsEntry("enrolments", merged ? 2L : 0L).containsEntry("held", merged ? 1L : 0L);
        try (var c = database.connect(); var st = c.createStatement();
             var rs = st.executeQuery("select b.status, j.status, (select count(*) from pupils where laestab = '"
                     + SCHOOL + "') from batches b join jobs j on j.batch_id = b.id where b.id = '" + batchId + "'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(merged ? "completed" : "processing");
            assertThat(rs.getString(2)).isEqualTo("queued");
            assertThat(rs.getLong(3)).isEqualTo(merged ? 2 : 0);
        }

        try (RunningHub second = RunningHub.start(database, new Class<?>[0], dir)) {
            JsonNode batch = second.awaitBatch(location, token);

            assertThat(batch.path("status").asString()).isEqualTo("completed");
            assertThat(batch.path("records").path("imported").asInt()).isEqualTo(2);
            assertThat(batch.path("records").path("held").asInt()).isEqualTo(1);
            assertThat(second.db().sql("select count(*) from pupils where laestab = ?").param(SCHOOL)
                    .query(Long.class).single()).isEqualTo(2);
            assertThat(second.db().sql("select count(*) from held_records where batch_id = ?").param(batchId)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(second.db().sql("select count(*) from stage_pupils where batch_id = ?").param(batchId)
                    .query(Long.class).single()).isZero();
            for (int i = 1; i <= 2; i++) {
                assertThat(new PupilApi(second).pupil(CtfFixture.upn(SCHOOL, i)).path("records")).singleElement()
                        .satisfies(r -> assertThat(r.path("surname").asString()).isEqualTo("Pupil"));
            }
        }
    }
}
