package org.rollbridge.hub.sharing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.rollbridge.core.signing.RequestSignature;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.SharingSettings;
import org.springframework.stereotype.Component;

/**
 * Delivers an extract's file to an agreement's HTTPS recipient, signed as schools sign their uploads to the hub
 * ({@link RequestSignature}) with a key derived from ROLLBRIDGE_SHARING_SIGNING_SECRET, under the credential
 * {@code la-<LA code>}: {@code POST <delivery URL>/<file's path>}, its SHA-256 signed with it. The recipient's 2xx
 * is the acknowledgement.
 */
@Component
public class HttpsDelivery {

    private final SharingSettings settings;
    private final HubProperties hub;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpsDelivery(SharingSettings settings, HubProperties hub, Clock clock) {
        this.settings = settings;
        this.hub = hub;
        this.clock = clock;
    }

    /** The credential the recipient knows the hub by. */
    public String credentialId() {
        return "la-" + hub.la();
    }

    /** The recipient refused the file or could not be reached; it is not logged, so the next run sends it. */
    public static final class Failed extends RuntimeException {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Sends one file; {@code idempotencyKey} names this delivery of it, so a recipient that saw it already can
     * tell.
     */
    public void deliver(String url, String path, byte[] content, String sha256, String idempotencyKey) {
        if (settings.signingSecret().isEmpty()) {
            throw new Failed("ROLLBRIDGE_SHARING_SIGNING_SECRET is not set, so nothing can be sent to " + url, null);
        }
        URI target = URI.create(url.endsWith("/") ? url + path : url + "/" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        RequestSignature.signRequest(RequestSignature.signingKey(settings.signingSecret()), credentialId(), "POST",
                target.getRawPath(), target.getRawQuery(), clock.instant().getEpochSecond(), sha256,
                new RequestSignature.SignedHeaders(null, "text/csv", idempotencyKey), request::header);
        HttpResponse<Void> reply;
        try {
            reply = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new Failed(target.getHost() + " could not be reached (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("the delivery to " + target.getHost() + " was interrupted", e);
        }
        if (reply.statusCode() / 100 != 2) {
            throw new Failed(target.getHost() + " answered " + reply.statusCode(), null);
        }
    }
}
