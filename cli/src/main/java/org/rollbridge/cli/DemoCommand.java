package org.rollbridge.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.rollbridge.hub.HubApplication;
import org.rollbridge.hub.access.SchoolCredentials;
import org.rollbridge.hub.ingest.UploadKeys;
import org.rollbridge.hub.store.ServerSettings;
import org.rollbridge.synth.Settings;
import org.rollbridge.synth.SyntheticLa;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./rollbridge demo}: a synthetic LA imported through the real pipeline into a hub anyone can try.
 * Runs on an embedded PostgreSQL unless ROLLBRIDGE_DB_URL names a real one (docs/adr/0004).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates a synthetic LA (schools, pupils, term-to-date attendance), imports it through",
            "the hub's pipeline and starts the hub, then prints where to look. Needs nothing but a JDK:",
            "the database is an embedded PostgreSQL kept under --out, unless ROLLBRIDGE_DB_URL is set."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "demo-data", description = "where the demo keeps its files (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--schools", defaultValue = "20", description = "schools in the synthetic LA (default ${DEFAULT-VALUE})")
    int schools;

    @Option(names = "--pupils", defaultValue = "6000", description = "pupils in the synthetic LA (default ${DEFAULT-VALUE})")
    int pupils;

    @Option(names = "--to", defaultValue = "2025-12-19",
            description = "the last school day the synthetic term runs to (default ${DEFAULT-VALUE})")
    LocalDate to;

    @Override
    public Integer call() throws Exception {
        Path la = out.resolve("la-files");
        if (!Files.exists(la.resolve("schools.csv"))) {
            System.out.printf("Generating a synthetic LA: %d schools, %d pupils, %s to %s...%n", schools, pupils,
                    Settings.DEFAULT_FROM, to);
            SyntheticLa.generate(Settings.defaults().withSize(schools, pupils).withPeriod(Settings.DEFAULT_FROM, to), la);
        }
        String dbUrl = System.getenv("ROLLBRIDGE_DB_URL");
        String dbUser = System.getenv().getOrDefault("ROLLBRIDGE_DB_USER", "postgres");
        EmbeddedPostgres embedded = null;
        if (dbUrl == null || dbUrl.isBlank()) {
            System.out.println("Starting the embedded PostgreSQL (data in " + out.resolve("postgres") + ")...");
            // Its server log goes through SLF4J before the hub's logging is configured: keep only warnings.
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setDataDirectory(out.resolve("postgres"))
                    .setCleanDataDirectory(false);
            // The settings an LA's DBA is asked for (docs/hub.md), so the demo loads as a real hub would.
            ServerSettings.RECOMMENDED.forEach(server::setServerConfig);
            embedded = server.start();
            dbUrl = embedded.getJdbcUrl("postgres", "postgres");
            dbUser = "postgres";
            EmbeddedPostgres db = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.close();
                } catch (Exception e) {
                    System.err.println("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }));
        }
        String admin = Optional.ofNullable(System.getenv("ROLLBRIDGE_ADMIN_TOKEN")).filter(s -> !s.isBlank())
                .orElseGet(() -> "demo-admin-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8)));
        // The demo's database outlives a restart, so its suppression key must too: unless the environment gives
        // one, a random key is made on the first run and kept beside the database, readable by its owner only.
        String suppressionKey = Optional.ofNullable(System.getenv("ROLLBRIDGE_SUPPRESSION_KEY"))
                .filter(s -> !s.isBlank()).orElseGet(() -> keptKey(out.resolve("suppression.key")));
        // Its uploads' key likewise, in a file beside the database (not in the upload store it opens).
        boolean keysGiven = Stream.of("ROLLBRIDGE_UPLOAD_KEYS", "ROLLBRIDGE_UPLOAD_KEYS_FILE")
                .map(System::getenv).anyMatch(v -> v != null && !v.isBlank());
        String uploadKeys = keysGiven ? null : keptRing(out.resolve("upload.keys"));
        String[] settings = {"--ROLLBRIDGE_DB_URL=" + dbUrl, "--ROLLBRIDGE_DB_USER=" + dbUser,
            "--ROLLBRIDGE_DATA_DIR=" + out.resolve("uploads").toAbsolutePath(), "--ROLLBRIDGE_ADMIN_TOKEN=" + admin,
            "--ROLLBRIDGE_SUPPRESSION_KEY=" + suppressionKey,
            // The demo is reached over plain HTTP on this machine: its session cookie cannot be HTTPS-only.
            "--ROLLBRIDGE_SECURE_COOKIES=false",
            // The synthetic term ends on --to: alerts are worked out as of then, not as of today.
            "--ROLLBRIDGE_ALERTS_AS_OF=" + to};
        if (uploadKeys != null) {
            settings = Stream.concat(Stream.of(settings), Stream.of("--ROLLBRIDGE_UPLOAD_KEYS_FILE=" + uploadKeys))
                    .toArray(String[]::new);
        }

        System.out.println("Importing the synthetic LA through the pipeline...");
        load(la, settings);
        ConfigurableApplicationContext hub = HubApplication.start(settings);
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        String school = hub.getBean(JdbcClient.class).sql("select laestab from schools order by laestab limit 1")
                .query(String.class).single();
        String schoolToken = hub.getBean(SchoolCredentials.class).issue(school);
        var accounts = hub.getBean(org.rollbridge.hub.access.DemoAccounts.class).issue(school, "DEMO-TRUST");
        // The machine API is used with a person's own token, so the audit log names them: the demo LA administrator's.
        String personal = hub.getBean(org.rollbridge.hub.access.AdminTokens.class).issue("demo-la-admin",
                "demo", 30, org.rollbridge.hub.access.Caller.SHARED_ADMIN).token();
        print(hub.getBean(JdbcClient.class), "http://localhost:" + port, personal, school, schoolToken,
                la.resolve("schools").resolve(school).resolve("attendance.csv"));
        System.out.println(org.rollbridge.hub.access.DemoAccounts.describe(accounts, "http://localhost:" + port));
        System.out.println("The shared administrator token (ROLLBRIDGE_ADMIN_TOKEN) only makes personal tokens and "
                + "school credentials: " + admin);
        ServeCommand.runUntilStopped();
        return 0;
    }

    /**
     * The demo's import: the synthetic LA's files through the pipeline, then what the nightly run would do (every
     * pupil's alerts as of the synthetic term's last day). Run again over the same files, it changes nothing.
     */
    static int load(Path la, String... settings) throws Exception {
        try (ConfigurableApplicationContext task = HubTask.start(settings)) {
            int exit = ImportCommand.importAll(task, ImportCommand.expand(la), Optional.empty());
            task.getBean(org.rollbridge.hub.alerts.NightlyAlerts.class).run();
            return exit;
        }
    }

    private static void print(JdbcClient db, String url, String admin, String school, String schoolToken,
                              Path attendance) {
        Map<String, Object> n = db.sql("""
                select (select count(*) from persons) as persons, (select count(*) from pupils) as pupils,
                       (select count(*) from enrolments where to_date is null) as on_roll,
                       (select coalesce(sum(length(replace(marks, ' ', ''))), 0) from attendance_years) as marks,
                       (select count(*) from exclusions) as exclusions,
                       (select count(*) from held_records where status = 'held') as held,
                       (select count(*) from alert_cases where status <> 'resolved') as alerts,
                       (select count(*) from batches) as batches""").query().singleRow();
        System.out.printf("""

                Rollbridge hub demo is running at %s
                  %s persons in the LA's index, %s pupil records, %s on a school roll, %s session marks,
                  %s exclusions, %s batches, %s records held back (errors, unmatched, for review), %s open alerts.

                Where to look: sign in at %s/sign-in with one of the accounts below, then
                  the LA overview (/la/overview), alert queues (/alerts), the matching review queue (/review),
                  schools' feeds and validation reports (/schools), a pupil's page from /pupils.

                The machine API (what schools' agents and the LA's systems use):
                  demo-la-admin's personal API token: %s
                  School %s upload token: %s

                  curl -H 'Authorization: Bearer %s' %s/api/v1/held-records
                  curl -H 'Authorization: Bearer %s' %s/v3/api-docs.yaml
                  curl -H 'Authorization: Bearer %s' %s/actuator/prometheus | grep rollbridge_
                  curl %s/actuator/health
                  curl -H 'Authorization: Bearer %s' -H 'Idempotency-Key: try-1' -H 'Content-Type: text/csv' \\
                       --data-binary @%s '%s/api/v1/schools/%s/batches?kind=attendance'

                Stop with Ctrl-C. Running ./rollbridge demo again reuses the same data.
                """, url, n.get("persons"), n.get("pupils"), n.get("on_roll"), n.get("marks"), n.get("exclusions"),
                n.get("batches"), n.get("held"), n.get("alerts"), url, admin, school, schoolToken, admin, url, admin, url,
                admin, url, url, schoolToken, attendance,
                url, school);
    }

    /** The key kept in this file, made (32 random bytes, hex) and written owner-only on first use. */
    static String keptKey(Path file) {
        return kept(file, () -> HexFormat.of().formatHex(new SecureRandom().generateSeed(32))).strip();
    }

    /** The path of this file of upload keys, made (one random key) and written owner-only on first use. */
    static String keptRing(Path file) {
        kept(file, UploadKeys::newRing);
        return file.toAbsolutePath().toString();
    }

    private static String kept(Path file, Supplier<String> made) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            String key = made.get();
            Files.createDirectories(file.getParent());
            // Owner-only from its creation: the key is never readable by others, not even for a moment.
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key);
            return key;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not keep the demo's key in " + file, e);
        }
    }
}
