package org.rollbridge.hub.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A hub on a random port over the run's {@link TestDatabase}, with an HTTP client for tests. */
public final class RunningHub implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private RunningHub(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts a hub; extra arguments override settings, e.g. {@code --ROLLBRIDGE_WORKERS=0}. */
    public static RunningHub start(Path dataDir, String... extra) {
        return start(new Class<?>[0], dataDir, extra);
    }

    /** As {@link #start(Path, String...)}, with extra configuration classes. */
    public static RunningHub start(Class<?>[] sources, Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--ROLLBRIDGE_DB_URL=" + TestDatabase.url(),
                "--ROLLBRIDGE_DB_USER=" + TestDatabase.user(),
                "--ROLLBRIDGE_DB_PASSWORD=" + TestDatabase.password(),
                "--ROLLBRIDGE_PORT=0",
                "--ROLLBRIDGE_DATA_DIR=" + dataDir,
                "--ROLLBRIDGE_ADMIN_TOKEN=" + ADMIN_TOKEN,
                "--ROLLBRIDGE_JOB_POLL_INTERVAL=PT0.05S",
                "--ROLLBRIDGE_JOB_RETRY_DELAY=PT0.1S",
                "--ROLLBRIDGE_SHUTDOWN_GRACE=5s",
                "--ROLLBRIDGE_NIGHTLY_CRON=-"));
        args.addAll(List.of(extra));
        return new RunningHub(HubApplication.start(sources, args.toArray(String[]::new)));
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
        client.signIn(username, a.password(), a.totpSecret(), Instant.now());
        return client;
    }

    public String credentialFor(String laestab) {
        return bean(SchoolCredentials.class).issue(laestab);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
