package org.rollbridge.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongConsumer;
import org.rollbridge.core.signing.RequestSignature;
import tools.jackson.databind.JsonNode;

/**
 * Talks to the LA's hub. Every request after enrolment is signed ({@link RequestSignature}) with a fresh nonce and
 * the current time, so that a captured request cannot be replayed, and carries no secret.
 */
public final class HubClient {

    private final URI hub;
    private final String laestab;
    private final AgentHome.Credential credential;
    private final byte[] signingKey;
    private final HttpClient http;
    private final Clock clock;

    public HubClient(URI hub, String laestab, AgentHome.Credential credential) {
        this(hub, laestab, credential, Clock.systemUTC());
    }

    HubClient(URI hub, String laestab, AgentHome.Credential credential, Clock clock) {
        this.hub = HubAddress.parse(hub.toString());
        this.laestab = laestab;
        this.credential = credential;
        this.signingKey = RequestSignature.signingKey(credential.secret());
        this.http = client();
        this.clock = clock;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The hub's answer: status, the machine-readable reason when refused, its message, the JSON body. */
    public record Reply(int status, String reason, String message, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        static Reply of(HttpResponse<String> response) {
            JsonNode body;
            try {
                body = AgentHome.JSON.readTree(response.body());
            } catch (RuntimeException e) {
                body = AgentHome.JSON.createObjectNode();
            }
            String message = body.path("message").asString("");
            if (message.isEmpty() && response.statusCode() / 100 != 2) {
                message = "HTTP " + response.statusCode();
            }
            return new Reply(response.statusCode(), body.path("reason").asString(""), message, body);
        }
    }

    /** Exchanges a one-time enrolment code for this school's credential. */
    public static AgentHome.Credential enrol(URI hub, String laestab, String code) throws IOException,
            InterruptedException {
        URI base = HubAddress.parse(hub.toString());
        byte[] body = AgentHome.JSON.writeValueAsBytes(Map.of("laestab", laestab, "code", code));
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(base.resolve(base.getPath()
                        + "/api/v1/enrolments")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        Reply reply = Reply.of(response);
        if (!reply.ok()) {
            throw new IOException("The hub refused the enrolment: " + reply.message());
        }
        return new AgentHome.Credential(reply.body().path("credentialId").asString(),
                reply.body().path("secret").asString());
    }

    /** Sends one batch from the outbox under its own batch id. */
    public Reply upload(OutboxBatch batch, LongConsumer progress) throws IOException, InterruptedException {
        String query = batch.kind() == Feed.CTF ? null : "kind=" + batch.kind().id()
                + (batch.replaces() == null ? "" : "&replaces=" + batch.replaces())
                + (batch.replaces() != null && batch.replacesSchool() ? "&scope=school" : "");
        String path = "/api/v1/schools/" + laestab + "/batches";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new CountingStream(batch.openBody(), progress);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }),
                batch.bodyLength());
        HttpRequest.Builder request = signed("POST", path, query, batch.bodySha256(), body,
                new RequestSignature.SignedHeaders("gzip", batch.kind() == Feed.CTF ? "application/xml" : "text/csv",
                        batch.id()))
                .timeout(Duration.ofMinutes(30));
        return Reply.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public Reply pause(boolean paused, String reason) throws IOException, InterruptedException {
        byte[] json = AgentHome.JSON.writeValueAsBytes(reason == null ? Map.of() : Map.of("reason", reason));
        return postJson("/api/v1/schools/" + laestab + (paused ? "/pause" : "/resume"), json);
    }

    /** Sends the reconciliation digest (docs/agent.md); the answer names the pupils to resend. */
    public Reply reconcile(byte[] digestJson) throws IOException, InterruptedException {
        return postJson("/api/v1/schools/" + laestab + "/reconciliations", digestJson);
    }

    /** The school's own counts at the hub: records held, and questions from the LA waiting for the school's answer. */
    public Reply heldSummary() throws IOException, InterruptedException {
        HttpRequest.Builder request = signed("GET", "/api/v1/schools/" + laestab + "/held-summary", null,
                RequestSignature.EMPTY_SHA256, HttpRequest.BodyPublishers.noBody(), RequestSignature.SignedHeaders.NONE)
                .timeout(Duration.ofSeconds(20));
        return Reply.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Reply postJson(String path, byte[] json) throws IOException, InterruptedException {
        HttpRequest.Builder request = signed("POST", path, null, RequestSignature.sha256Hex(json),
                HttpRequest.BodyPublishers.ofByteArray(json),
                new RequestSignature.SignedHeaders(null, "application/json", null))
                .timeout(Duration.ofMinutes(5));
        return Reply.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A request signed with its body's digest and {@code headers}, which it carries. */
    private HttpRequest.Builder signed(String method, String path, String query, String bodySha256,
                                       HttpRequest.BodyPublisher body, RequestSignature.SignedHeaders headers) {
        String fullPath = hub.getRawPath() + path;
        URI uri = URI.create(hub.getScheme() + "://" + hub.getRawAuthority() + fullPath
                + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body);
        RequestSignature.signRequest(signingKey, credential.credentialId(), method, fullPath, query,
                clock.instant().getEpochSecond(), bodySha256, headers, request::header);
        return request;
    }

    /** Reports bytes as they leave, for the progress bar. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final LongConsumer progress;

        CountingStream(java.io.InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.accept(n);
            }
            return n;
        }
    }

}
