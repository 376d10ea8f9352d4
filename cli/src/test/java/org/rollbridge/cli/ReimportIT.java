package org.rollbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.hub.testing.TestDatabase;
import org.rollbridge.synth.Settings;
import org.rollbridge.synth.SyntheticLa;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An LA importing a night's files again, and a second {@code ./rollbridge demo} over the same folder: the second
 * run completes and changes nothing the LA holds. Each test runs the import on a database of its own.
 */
class ReimportIT {

    @TempDir
    static Path work;
    static Path la;

    @BeforeAll
    static void generate() {
        la = work.resolve("la-files");
        // Enough pupils for held records that a second run's re-matching links (duplicates, unknown pupils).
        SyntheticLa.generate(Settings.small(7).withRates(0.03, 0.03)
                .withPeriod(Settings.DEFAULT_FROM, Settings.DEFAULT_FROM.plusWeeks(6)), la);
    }

    @Test
    void importingTheSameFilesTwiceChangesNothingTheSecondTime() throws Exception {
        String[] settings = settings(TestDatabase.create(), "import");
        Map<String, Object> first;
        try (ConfigurableApplicationContext hub = HubTask.start(settings)) {
            ImportCommand.importAll(hub, ImportCommand.expand(la), Optional.empty());
            first = holdings(hub);
        }
        try (ConfigurableApplicationContext hub = HubTask.start(settings)) {
            int exit = ImportCommand.importAll(hub, ImportCommand.expand(la), Optional.empty());
            assertUnchanged(holdings(hub), first);
            assertThat(exit).isEqualTo(ImportCommand.importAll(hub, ImportCommand.expand(la), Optional.empty()));
        }
        assertThat(first.get("marks")).isNotEqualTo(0L);
    }

    @Test
    void theDemoStartedTwiceOverTheSameFolderLoadsBothTimesAndTheSecondChangesNothing() throws Exception {
        String[] settings = settings(TestDatabase.create(), "demo");
        DemoCommand.load(la, settings);
        Map<String, Object> first = holdings(settings);

        DemoCommand.load(la, settings);

        assertUnchanged(holdings(settings), first);
        assertThat(first.get("alerts")).isNotEqualTo(0L);
    }

    /**
     * The synthetic LA sends each school's CTF before its attendance and exclusions, so a school's rows are held for
     * a pupil not on its roll only when the school's own record of that pupil is held (for review or as a transfer),
     * and the demo still raises the alerts its marks and exclusions plant.
     */
    @Test
    void theDemosAttendanceAndExclusionsAreForPupilsOnTheSendingSchoolsRoll() throws Exception {
        String[] settings = settings(TestDatabase.create(), "roll");
        DemoCommand.load(la, settings);
        try (ConfigurableApplicationContext hub = HubTask.start(settings)) {
            JdbcClient db = hub.getBean(JdbcClient.class);
            assertThat(db.sql("""
                    select count(*) from held_records h where h.reason = 'NOT_ON_ROLL' and h.status = 'held'
                      and not exists (select 1 from held_records c where c.feed = 'ctf' and c.status = 'held'
                                      and c.laestab = h.laestab and c.upn = h.upn)""")
                    .query(Long.class).single()).isZero();
            assertThat(db.sql("select distinct kind from alert_cases").query(String.class).list())
                    .contains("PERSISTENT_ABSENCE", "CONSECUTIVE_ABSENCE_10", "PERMANENT_EXCLUSION_DAY_6");
        }
    }

    /**
     * Every record the LA holds is as it was, held records included: the register, loaded again, gives no person a
     * UPN they did not have, so it releases nothing the matcher held for review.
     */
    static void assertUnchanged(Map<String, Object> second, Map<String, Object> first) {
        assertThat(second).isEqualTo(first);
    }

    static String[] settings(TestDatabase db, String folder) {
        return new String[] {"--ROLLBRIDGE_DB_URL=" + db.url(), "--ROLLBRIDGE_DB_USER=" + db.user(),
            "--ROLLBRIDGE_DB_PASSWORD=" + db.password(),
            "--ROLLBRIDGE_SUPPRESSION_KEY=test-suppression-key-synthetic-people-only",
            "--ROLLBRIDGE_UPLOAD_KEYS=" + org.rollbridge.hub.testing.RunningHub.UPLOAD_KEYS,
            "--ROLLBRIDGE_DATA_DIR=" + work.resolve(folder + "-uploads").toAbsolutePath(),
            "--ROLLBRIDGE_ALERTS_AS_OF=" + Settings.DEFAULT_FROM.plusWeeks(6)};
    }

    static Map<String, Object> holdings(String[] settings) {
        try (ConfigurableApplicationContext hub = HubTask.start(settings)) {
            return holdings(hub);
        }
    }

    /** What the LA holds, as counts and digests of every row that matters to its users. */
    static Map<String, Object> holdings(ConfigurableApplicationContext hub) {
        return hub.getBean(JdbcClient.class).sql("""
                select (select count(*) from persons) as persons,
                       (select count(*) from person_identifiers) as identifiers,
                       (select md5(coalesce(string_agg(person_id || laestab || coalesce(leaving_date::text, ''), ','
                            order by person_id, laestab), '')) from pupils) as pupils,
                       (select count(*) from enrolments) as enrolments,
                       (select coalesce(sum(length(replace(marks, ' ', ''))), 0) from attendance_years) as marks,
                       (select md5(coalesce(string_agg(marks, ',' order by person_id, laestab, academic_year), ''))
                          from attendance_years) as mark_digest,
                       (select count(*) from mark_history) as history,
                       (select count(*) from exclusions) as exclusions,
                       (select count(*) from held_records where status = 'held') as held,
                       (select count(*) from review_queue) as reviews,
                       (select count(*) from alert_cases) as alerts,
                       (select count(*) from batches) as batches""").query().singleRow();
    }
}
