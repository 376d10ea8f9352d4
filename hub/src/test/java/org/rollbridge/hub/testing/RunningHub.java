package org.rollbridge.hub.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rollbridge.hub.HubApplication;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.access.SchoolCredentials;
import org.rollbridge.hub.access.Users;
import org.rollbridge.hub.jobs.Workers;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hub on a random port over a {@link TestDatabase}, with an HTTP client for tests. Test classes get one from
 * {@link HubTest}; a test starts its own only when starting or stopping a hub is what it tests.
 */
public final class RunningHub implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token";
    /** Not a secret: the test hubs hold only synthetic people. */
    public static final String SUPPRESSION_KEY = "test-suppression-key-synthetic-people-only";
    /** The upload key ring of every hub this run starts: made at random, so a restarted hub reads its uploads. */
    public static final String UPLOAD_KEYS = org.rollbridge.hub.ingest.UploadKeys.newRing().strip();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConfigurableApplicationContext context;
    private final TestDatabase database;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final List<String> emptiedByReset;

    private RunningHub(ConfigurableApplicationContext context, TestDatabase database) {
        this.context = context;
        this.database = database;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = "http://127.0.0.1:" + port;
        this.emptiedByReset = tablesWithoutReferenceData();
    }

    /** Starts a hub on a database of its own; extra arguments override settings, e.g. {@code --ROLLBRIDGE_WORKERS=0}. */
    public static RunningHub start(Path dataDir, String... extra) {
        return start(new Class<?>[0], dataDir, extra);
    }

    /** As {@link #start(Path, String...)}, with extra configuration classes. */
    public static RunningHub start(Class<?>[] sources, Path dataDir, String... extra) {
        return start(TestDatabase.create(), sources, dataDir, extra);
    }

    /** Starts a hub on the database, e.g. again on the database a stopped hub used. */
    public static RunningHub start(TestDatabase database, Class<?>[] sources, Path dataDir, String... extra) {
        return new RunningHub(HubApplication.start(sources, arguments(database, dataDir, extra)), database);
    }

    /** The settings a test hub starts with (also a hub started as a process of its own); {@code extra} override. */
    public static String[] arguments(TestDatabase database, Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--ROLLBRIDGE_DB_URL=" + database.url(),
                "--ROLLBRIDGE_DB_USER=" + database.user(),
                "--ROLLBRIDGE_DB_PASSWORD=" + database.password(),
                "--ROLLBRIDGE_PORT=0",
                "--ROLLBRIDGE_DATA_DIR=" + dataDir,
                "--ROLLBRIDGE_ADMIN_TOKEN=" + ADMIN_TOKEN,
                "--ROLLBRIDGE_SUPPRESSION_KEY=" + SUPPRESSION_KEY,
                "--ROLLBRIDGE_UPLOAD_KEYS=" + UPLOAD_KEYS,
                // The suite's tests act as the administrator with the shared token everywhere (AdminTokensIT tests
                // the bootstrap scope a hub has by default), and reach the hub over plain HTTP.
                "--ROLLBRIDGE_ADMIN_TOKEN_SCOPE=FULL",
                "--ROLLBRIDGE_SECURE_COOKIES=false",
                // Every test signs in from the loopback: one address, which the per-address limit would soon refuse.
                "--ROLLBRIDGE_SIGN_IN_CLIENT_FAILURES=100000",
                "--ROLLBRIDGE_JOB_POLL_INTERVAL=PT0.05S",
                "--ROLLBRIDGE_JOB_RETRY_DELAY=PT0.1S",
                "--ROLLBRIDGE_SHUTDOWN_GRACE=5s",
                "--ROLLBRIDGE_NIGHTLY_CRON=-",
                "--ROLLBRIDGE_RETENTION_CRON=-",
                "--ROLLBRIDGE_SHARING_CRON=-",
                // A run keeps one hub per configuration open until it ends, and every test run on the machine shares
                // the server's hundred connections: small pools, and an idle hub (waiting for its next class) keeps
                // one connection.
                "--ROLLBRIDGE_DB_POOL_SIZE=6",
                "--spring.datasource.hikari.minimum-idle=1",
                "--spring.datasource.hikari.idle-timeout=10000"));
        // A setting the test gives replaces the harness's own: Spring would join both values with a comma.
        List<String> given = java.util.Arrays.stream(extra).map(a -> a.substring(0, a.indexOf('=') + 1)).toList();
        args.removeIf(a -> given.contains(a.substring(0, a.indexOf('=') + 1)));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    public TestDatabase database() {
        return database;
    }

    /**
     * Empties every table but the migration history and what the migrations and the hub's start wrote (reference
     * data), as a hub just started would find them. The workers are stopped first (a job that is running finishes)
     * and started again after, so no job queued before the reset runs against the emptied tables; jobs still queued
     * are emptied with the rest. Sequences go on counting, so an id never names two rows within a run.
     */
    public void reset() {
        Workers workers = bean(Workers.class);
        stopWorkers();
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("set local lock_timeout = '20s'");
            // Truncating is a change the append-only audit log refuses from the hub; a test run's reset is not one.
            st.execute("set local session_replication_role = replica");
            st.execute("truncate table " + String.join(", ", emptiedByReset));
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the hub's tables on " + database.url(), e);
        } finally {
            workers.start();
        }
    }

    /** Stops taking jobs from the queue (a job that is running finishes first) until the next {@link #reset()}. */
    public void stopWorkers() {
        bean(Workers.class).stop();
    }

    /** The hub's tables but the migration history and those holding rows once the hub has started. */
    private List<String> tablesWithoutReferenceData() {
        List<String> tables = db().sql("""
                select quote_ident(tablename) from pg_tables
                where schemaname = current_schema() and tablename <> 'flyway_schema_history' order by 1""")
                .query(String.class).list();
        return tables.stream().filter(t -> !db().sql("select exists (select 1 from " + t + ")")
                .query(Boolean.class).single()).toList();
    }

    public String base() {
        return base;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Every bean of a type, by name. */
    public <T> Map<String, T> beans(Class<T> type) {
        return context.getBeansOfType(type);
    }

    public JdbcClient db() {
        return bean(JdbcClient.class);
    }

    /** A new user of the role at the organisation, signed in with a page client. */
    public PageClient signedIn(String username, Role role, Organisation organisation)
            throws IOException, InterruptedException {
        Users.NewAccount a = bean(Users.class).create(username, "Sam " + username, role, organisation);
        PageClient client = new PageClient(base);
        HttpResponse<String> signIn = client.signIn(username, a.password(), a.totpSecret(), Instant.now());
        if (signIn.headers().firstValue("Location").orElse("error").contains("error")) {
            throw new AssertionError(username + " (" + role + ") could not sign in: " + signIn.statusCode() + " "
                    + signIn.headers().map());
        }
        return client;
    }

    /** As {@link #signedIn(String, Role, Organisation)}, at the role's {@linkplain #organisationOf usual} one. */
    public PageClient signedIn(String username, Role role) throws IOException, InterruptedException {
        return signedIn(username, role, organisationOf(role));
    }

    /** A new user of the role at its {@linkplain #organisationOf usual organisation}, not signed in. */
    public Users.NewAccount account(String username, String displayName, Role role) {
        return bean(Users.class).create(username, displayName, role, organisationOf(role));
    }

    /** Where the tests' users of a role work: LA 926, school 9262001 (in trust TR1), trust TR1 or the DfE. */
    public static Organisation organisationOf(Role role) {
        return switch (role.organisationKind()) {
            case LA -> Organisation.la("926");
            case SCHOOL -> Organisation.school("9262001");
            case TRUST -> Organisation.trust("TR1");
            case DFE -> Organisation.DFE;
        };
    }

    public String credentialFor(String laestab) {
        return bean(SchoolCredentials.class).issue(laestab);
    }

    /** The school with a new bearer credential, uploading as its MIS agent would. */
    public School school(String laestab) {
        return new School(this, laestab, credentialFor(laestab));
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A request written byte for byte on a socket (so that its Host and forwarded headers are exactly the test's,
     * which the HTTP client does not allow), and the whole answer, head and body.
     */
    public String raw(String request) throws IOException {
        URI at = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(at.getHost(), at.getPort())) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    /** Uploads a batch as a school would. */
    public HttpResponse<String> upload(String laestab, String token, String batchId, String kind, byte[] body)
            throws IOException, InterruptedException {
        String contentType = kind.equals("ctf") ? "application/xml" : "text/csv";
        return send(request("/api/v1/schools/" + laestab + "/batches" + (kind.equals("ctf") ? "" : "?kind=" + kind))
                .header("Content-Type", contentType).header("Idempotency-Key", batchId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    /** Waits for a batch to finish and returns its JSON. */
    public JsonNode awaitBatch(String url, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode batch = json(send(request(url).GET(), token));
            String status = batch.path("status").asString();
            if (List.of("completed", "refused", "failed").contains(status) || System.nanoTime() > deadline) {
                return batch;
            }
            Thread.sleep(50);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static Map<String, Object> map(String json) {
        return JSON.readValue(json, Map.class);
    }

    public static Path tempDir() throws IOException {
        return Files.createTempDirectory("rollbridge-it");
    }

    @Override
    public void close() {
        context.close();
    }
}
