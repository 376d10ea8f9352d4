package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PupilApi;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A school's batches of one feed merge in the order the hub received them: a large file received first and still
 * being processed when a one-row file arrives is merged first, so the later file's value is the one kept.
 */
@HubTest(settings = "ROLLBRIDGE_WORKERS=2", beans = MergeOrderIT.LargeBatchIsSlow.class)
class MergeOrderIT {

    static RunningHub hub;
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);
    static final String LARGE = "order-large";
    static final String SMALL = "order-small";

    /**
     * Holds the large batch after staging until the small one has been taken by the other worker and either merged
     * or put back to wait, so the two are processed at the same time whatever the machine's speed.
     */
    static class LargeBatchIsSlow {
        @Bean
        PipelineProbe largeBatchIsSlow(JdbcClient db) {
            return (step, batchId) -> {
                String client = db.sql("select client_batch_id from batches where id = ?").param(batchId)
                        .query(String.class).single();
                if (step != PipelineProbe.Step.STAGED || !client.endsWith(LARGE)) {
                    return;
                }
                for (int i = 0; i < 1200 && !smallTaken(db, client.replace(LARGE, SMALL)); i++) {
                    sleep();
                }
            };
        }

        static boolean smallTaken(JdbcClient db, String small) {
            return db.sql("""
                    select count(*) from batches b join jobs j on j.batch_id = b.id
                    where b.client_batch_id = ? and (b.status = 'completed' or j.last_error is not null)""")
                    .param(small).query(Long.class).single() > 0;
        }

        private static void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aOneRowFileReceivedAfterALargeOneStillBeingProcessedIsMergedAfterItAndItsValueKept() throws Exception {
        School school = hub.school("9264901");
        String pupil = CtfFixture.upn(school.laestab(), 1);
        RegisteredPerson.withUpn(pupil).in(hub);
        school.completed("roll-1", CtfFixture.partial(school.laestab()).add(pupil));
        AttendanceCsv large = new AttendanceCsv().days(school.laestab(), pupil, MONDAY.minusDays(28), 33, "/", "\\");
        for (int p = 2; p <= 40; p++) {
            large.days(school.laestab(), CtfFixture.upn(school.laestab(), p), MONDAY.minusDays(28), 33, "/", "\\");
        }
        AttendanceCsv correction = new AttendanceCsv().mark(school.laestab(), pupil, MONDAY, "AM", "I");

        var first = school.upload(LARGE, "attendance", large.bytes());
        var second = school.upload(SMALL, "attendance", correction.bytes());
        assertStatus(202, first);
        assertStatus(202, second);
        hub.awaitBatch(first.headers().firstValue("Location").orElseThrow(), school.token());
        hub.awaitBatch(second.headers().firstValue("Location").orElseThrow(), school.token());

        assertThat(new PupilApi(hub).marks(pupil, MONDAY, MONDAY)).isEqualTo(Map.of(
                MONDAY + " AM " + school.laestab(), "I", MONDAY + " PM " + school.laestab(), "\\"));
        assertThat(mergedAt(school, LARGE)).isBefore(mergedAt(school, SMALL));
    }

    static java.time.OffsetDateTime mergedAt(School school, String client) {
        return hub.db().sql("select merged_at from batches where laestab = ? and client_batch_id = ?")
                .params(school.laestab(), client).query(java.time.OffsetDateTime.class).single();
    }
}
