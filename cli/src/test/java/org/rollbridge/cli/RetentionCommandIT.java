package org.rollbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rollbridge retention} against a database of its own: the JSON contract, and a dry run that reports exactly
 * what the real run then does.
 */
class RetentionCommandIT {

    static final String SERVER = System.getenv().getOrDefault("ROLLBRIDGE_TEST_DB_SERVER",
            "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getenv().getOrDefault("ROLLBRIDGE_TEST_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("ROLLBRIDGE_TEST_DB_PASSWORD", "");
    static final String DATABASE = "rollbridge_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void database() throws Exception {
        admin("create database " + DATABASE);
        System.setProperty("ROLLBRIDGE_DB_URL", SERVER + DATABASE);
        System.setProperty("ROLLBRIDGE_DB_USER", USER);
        System.setProperty("ROLLBRIDGE_DB_PASSWORD", PASSWORD);
        System.setProperty("ROLLBRIDGE_DATA_DIR", Files.createTempDirectory("rollbridge-cli").toString());
        System.setProperty("ROLLBRIDGE_SUPPRESSION_KEY", "test-suppression-key-synthetic-people-only");
        // A hub set up as an LA runs it, with its upload key given (docs/configuration.md).
        System.setProperty("ROLLBRIDGE_UPLOAD_KEYS", "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
    }

    @AfterAll
    static void drop() throws Exception {
        for (String p : new String[] {"ROLLBRIDGE_DB_URL", "ROLLBRIDGE_DB_USER", "ROLLBRIDGE_DB_PASSWORD",
                "ROLLBRIDGE_DATA_DIR", "ROLLBRIDGE_SUPPRESSION_KEY", "ROLLBRIDGE_UPLOAD_KEYS"}) {
            System.clearProperty(p);
        }
        admin("drop database if exists " + DATABASE + " with (force)");
    }

    static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    record Run(int exit, String out) {
    }

    static Run retention(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "retention";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Run(RollbridgeCommand.commandLine().execute(all), o.toString(StandardCharsets.UTF_8).strip());
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void standardOutputHoldsTheJsonAloneWhenTheHubWarnsDuringTheRun() throws Exception {
        // An upload queued for deletion that lies outside the upload store: the run leaves it and warns.
        java.nio.file.Path elsewhere = Files.createTempFile("rollbridge-elsewhere", ".xml");
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("insert into schools (la, laestab) values ('926', '9269901') on conflict do nothing");
            s.execute("insert into batches (id, la, laestab, client_batch_id, kind, source, content_sha256, size_bytes,"
                    + " stored_path, status, completed_at) values ('00000000-0000-0000-0000-0000000000f1', '926',"
                    + " '9269901', 'w-1', 'ctf', 'import', repeat('0', 64), 1, '" + elsewhere + "', 'completed', now())");
            s.execute("insert into retention_upload_erasures (batch_id, stored_path) values"
                    + " ('00000000-0000-0000-0000-0000000000f1', '" + elsewhere + "')");
        }

        Run run = retention("--as-of", "2020-01-01", "--format", "json");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("{\"asOf\":\"2020-01-01\"").doesNotContain("WARN").endsWith("}");
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(run.out()).path("asOf")
                .asString()).isEqualTo("2020-01-01");
        assertThat(elsewhere).exists();
    }

    @Test
    void theDryRunsJsonIsWhatTheRealRunThenDoes() throws Exception {
        Run empty = retention("--as-of", "2034-01-01", "--dry-run", "--format", "json");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).isEqualTo("{\"asOf\":\"2034-01-01\",\"dryRun\":true,\"categories\":["
                + "{\"category\":\"education\",\"due\":0,\"deleted\":0,\"onHold\":0},"
                + "{\"category\":\"safeguarding\",\"due\":0,\"deleted\":0,\"onHold\":0},"
                + "{\"category\":\"child-protection\",\"due\":0,\"deleted\":0,\"onHold\":0},"
                + "{\"category\":\"looked-after\",\"due\":0,\"deleted\":0,\"onHold\":0}],"
                + "\"persons\":{\"due\":0,\"deleted\":0,\"onHold\":0}}");
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("""
                    insert into persons (id, la, register_id, legal_surname, dob, origin) values
                        (1, '926', 'A', 'Plain', '2000-01-01', 'register'),
                        (2, '926', 'B', 'Cared', '2000-01-01', 'register'),
                        (3, '926', 'C', 'Alerted', '2000-01-01', 'register'),
                        (4, '926', 'D', 'Held', '2000-01-01', 'register'),
                        (5, '926', 'E', 'Younger', '2010-01-01', 'register');
                    insert into retention_facts (la, person_id, category, seen_on) values ('926', 2, 'looked-after', '2012-01-01');
                    insert into alert_cases (la, person_id, kind, status, resolved_at)
                        values ('926', 3, 'CME', 'resolved', '2027-01-01T12:00:00Z');
                    insert into legal_holds (la, person_id, reason, review_on, held_by)
                        values ('926', 4, 'claim', '2035-01-01', 'admin');""");
        }

        Run dry = retention("--as-of", "2034-01-01", "--dry-run", "--format", "json");
        Run real = retention("--as-of", "2034-01-01", "--format", "json");
        Run again = retention("--as-of", "2034-01-01", "--format", "text");

        assertThat(dry.out()).isEqualTo("{\"asOf\":\"2034-01-01\",\"dryRun\":true,\"categories\":["
                + "{\"category\":\"education\",\"due\":2,\"deleted\":1,\"onHold\":1},"
                + "{\"category\":\"safeguarding\",\"due\":1,\"deleted\":1,\"onHold\":0},"
                + "{\"category\":\"child-protection\",\"due\":0,\"deleted\":0,\"onHold\":0},"
                + "{\"category\":\"looked-after\",\"due\":0,\"deleted\":0,\"onHold\":0}],"
                + "\"persons\":{\"due\":3,\"deleted\":2,\"onHold\":1}}");
        assertThat(real.exit()).isZero();
        assertThat(real.out()).isEqualTo(dry.out().replace("\"dryRun\":true", "\"dryRun\":false"));
        assertThat(again.out()).contains("Retention run as of 2034-01-01").containsPattern("people\\s+1\\s+0\\s+1");
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, PASSWORD);
             Statement s = c.createStatement();
             var rs = s.executeQuery("select string_agg(register_id, ',' order by id) from persons")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("B,D,E");
        }
    }
}
