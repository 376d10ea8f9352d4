package org.rollbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.hub.testing.TestDatabase;
import org.rollbridge.synth.Settings;
import org.rollbridge.synth.SyntheticLa;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./rollbridge retention --dry-run --format json} on the demo's data (the synthetic LA loaded as
 * {@code ./rollbridge demo} loads it) reports exactly what the real run then deletes, and a second run deletes nothing.
 */
class DemoRetentionIT {

    static final String KEY = "test-suppression-key-synthetic-people-only";
    /** Far enough ahead that the synthetic LA's older pupils have turned 25 and its younger ones not. */
    static final String AS_OF = "2040-09-01";

    @TempDir
    static Path work;

    @Test
    void theDryRunOnTheDemoDataIsWhatTheRealRunThenDeletes() throws Exception {
        Path la = work.resolve("la-files");
        SyntheticLa.generate(Settings.small(11).withPeriod(Settings.DEFAULT_FROM, Settings.DEFAULT_FROM.plusWeeks(5)),
                la);
        TestDatabase db = TestDatabase.create();
        String uploads = work.resolve("uploads").toAbsolutePath().toString();
        DemoCommand.load(la, "--ROLLBRIDGE_DB_URL=" + db.url(), "--ROLLBRIDGE_DB_USER=" + db.user(),
                "--ROLLBRIDGE_DB_PASSWORD=" + db.password(), "--ROLLBRIDGE_SUPPRESSION_KEY=" + KEY,
                "--ROLLBRIDGE_DATA_DIR=" + uploads,
                "--ROLLBRIDGE_UPLOAD_KEYS=" + org.rollbridge.hub.testing.RunningHub.UPLOAD_KEYS);
        long before = persons(db);
        String[][] properties = {{"ROLLBRIDGE_DB_URL", db.url()}, {"ROLLBRIDGE_DB_USER", db.user()},
            {"ROLLBRIDGE_DB_PASSWORD", db.password()}, {"ROLLBRIDGE_DATA_DIR", uploads},
            {"ROLLBRIDGE_SUPPRESSION_KEY", KEY},
            {"ROLLBRIDGE_UPLOAD_KEYS", org.rollbridge.hub.testing.RunningHub.UPLOAD_KEYS}};
        RetentionCommandIT.Run dry;
        RetentionCommandIT.Run real;
        RetentionCommandIT.Run again;
        try {
            for (String[] p : properties) {
                System.setProperty(p[0], p[1]);
            }
            dry = RetentionCommandIT.retention("--as-of", AS_OF, "--dry-run", "--format", "json");
            real = RetentionCommandIT.retention("--as-of", AS_OF, "--format", "json");
            again = RetentionCommandIT.retention("--as-of", AS_OF, "--format", "json");
        } finally {
            for (String[] p : properties) {
                System.clearProperty(p[0]);
            }
        }

        JsonNode report = JsonMapper.builder().build().readTree(dry.out());
        long deleted = report.path("persons").path("deleted").asLong();
        assertThat(dry.exit()).isZero();
        assertThat(real.exit()).isZero();
        assertThat(deleted).as("the demo's older pupils are due").isPositive().isLessThan(before);
        assertThat(real.out()).isEqualTo(dry.out().replace("\"dryRun\":true", "\"dryRun\":false"));
        assertThat(persons(db)).isEqualTo(before - deleted);
        assertThat(JsonMapper.builder().build().readTree(again.out()).path("persons").path("deleted").asLong())
                .as("a second run").isZero();
    }

    static long persons(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from persons")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
