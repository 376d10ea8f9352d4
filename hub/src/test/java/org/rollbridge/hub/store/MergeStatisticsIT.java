package org.rollbridge.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/**
 * A merge that fills the LA's tables leaves them analysed, so the next school's matching and merge are planned on
 * the rows there are, not on the empty tables an initial load starts from (docs/performance.md, issue 22).
 */
@HubTest
class MergeStatisticsIT {

    static RunningHub hub;

    private static final String SCHOOL = "9266001";
    /** Enough rows that the tables outgrow what is left to autovacuum. */
    private static final int PUPILS = 1_500;

    @Test
    void aFullCtfIntoAnEmptyLaLeavesEnrolmentsAndPupilsAnalysedWithItsRows() throws Exception {
        School school = hub.school(SCHOOL);
        CtfFixture ctf = CtfFixture.full(SCHOOL);
        for (int i = 0; i < PUPILS; i++) {
            String upn = Upn.compose("926", "6001", 25 - i / 1000, i % 1000).value();
            RegisteredPerson.withUpn(upn).named("Pat", "Pupil").in(hub);
            ctf.add(upn);
        }
        assertThat(recordedRows("enrolments")).as("before the load: an empty table's statistics").isLessThan(1);

        school.completed("full-1", ctf);
        awaitJobs();

        assertThat(hub.db().sql("select count(*) from enrolments where laestab = ?").param(SCHOOL)
                .query(Long.class).single()).isEqualTo(PUPILS);
        // ANALYZE reads every row of a table this small, so it records the count exactly.
        assertThat(recordedRows("enrolments")).isEqualTo(PUPILS);
        assertThat(recordedRows("pupils")).isEqualTo(PUPILS);
    }

    @Test
    void aTableAnalysedAtItsSizeIsNotAnalysedAgainUntilFourTimesAsLargeNorForRowsRewritten() {
        PlannerStatisticsStore statistics = hub.bean(PlannerStatisticsStore.class);
        hub.db().sql("create table if not exists statistics_probe (n int, label text)").update();
        hub.db().sql("truncate statistics_probe").update();
        hub.db().sql("insert into statistics_probe select g, repeat('x', 100) from generate_series(1, 5000) g")
                .update();

        assertThat(statistics.analyseGrown()).contains("statistics_probe");
        assertThat(recordedRows("statistics_probe")).isEqualTo(5000);
        assertThat(statistics.analyseGrown()).doesNotContain("statistics_probe");

        // A night rewrites every row: twice the size on disk (a dead version of each), not one row more.
        hub.db().sql("update statistics_probe set label = repeat('y', 100)").update();
        assertThat(statistics.analyseGrown()).as("every row rewritten").doesNotContain("statistics_probe");
        hub.db().sql("insert into statistics_probe select g, repeat('x', 100) from generate_series(1, 5000) g")
                .update();
        assertThat(statistics.analyseGrown()).as("three times the size").doesNotContain("statistics_probe");
        hub.db().sql("insert into statistics_probe select g, repeat('x', 100) from generate_series(1, 7000) g")
                .update();
        assertThat(statistics.analyseGrown()).as("more than four times the size").contains("statistics_probe");
        assertThat(recordedRows("statistics_probe")).isEqualTo(17000);
        hub.db().sql("drop table statistics_probe").update();
    }

    /** What the planner believes the table holds: the row count its last ANALYZE recorded (-1: never). */
    private static double recordedRows(String table) {
        return hub.db().sql("select reltuples from pg_class where oid = ?::regclass").param(table)
                .query(Double.class).single();
    }

    /** The batch's job and its alert follow-ups finished (the statistics are refreshed before a job ends). */
    private static void awaitJobs() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (hub.db().sql("select count(*) from jobs where status = 'queued'").query(Long.class).single() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(hub.db().sql("select kind from jobs where status <> 'done'").query(String.class).list())
                .as("jobs not done").isEqualTo(List.of());
    }
}
