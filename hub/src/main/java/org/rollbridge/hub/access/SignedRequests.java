package org.rollbridge.hub.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollbridge.core.signing.RequestSignature;
import org.springframework.stereotype.Component;

/**
 * Checks a signed request ({@link RequestSignature}): known and current credential, timestamp within
 * {@link #MAX_SKEW}, a nonce not seen before, a valid signature. The body is checked against its signed digest
 * while it streams ({@link DigestCheckedRequest}), so nothing is buffered.
 */
@Component
public class SignedRequests {

    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(" + Pattern.quote(RequestSignature.SCHEME) + "|" + Pattern.quote(RequestSignature.SCHEME_V1)
                    + ")\\s+Credential=([A-Za-z0-9_-]{1,100})\\s*,\\s*Signature=([A-Za-z0-9_-]{1,100})\\s*");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private final SigningCredentials credentials;
    private final RequestNonces nonces;
    private final Clock clock;

    public SignedRequests(SigningCredentials credentials, RequestNonces nonces, Clock clock) {
        this.credentials = credentials;
        this.nonces = nonces;
        this.clock = clock;
    }

    /** The outcome of checking a request. */
    public sealed interface Verdict permits Accepted, Refused {
    }

    /** Signed correctly: the school, and the request to pass on (its body checked as it is read). */
    public record Accepted(String laestab, HttpServletRequest request) implements Verdict {
    }

    /**
     * Refused, with a machine-readable reason: credential_unknown, credential_revoked, signature_invalid,
     * signature_version (signed as the first version, which the hub no longer accepts), timestamp_skew,
     * nonce_replayed, request_malformed.
     */
    public record Refused(String reason, String message) implements Verdict {
    }

    public static boolean applies(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && (header.startsWith(RequestSignature.SCHEME + " ")
                || header.startsWith(RequestSignature.SCHEME_V1 + " "));
    }

    public Verdict verify(HttpServletRequest request) {
        Matcher auth = AUTHORIZATION.matcher(request.getHeader("Authorization"));
        if (!auth.matches()) {
            return malformed("Authorization must be '" + RequestSignature.SCHEME
                    + " Credential=<id>, Signature=<signature>'");
        }
        if (auth.group(1).equals(RequestSignature.SCHEME_V1)) {
            return new Refused("signature_version", "This request is signed as " + RequestSignature.SCHEME_V1
                    + ", which does not cover the body's encoding and type or the batch id and is no longer "
                    + "accepted; update the school agent, which signs as " + RequestSignature.SCHEME
                    + " (docs/agent.md). Its queued batches are sent once it is updated");
        }
        String credentialId = auth.group(2);
        Optional<SigningCredentials.Known> known = credentials.find(credentialId);
        if (known.isEmpty()) {
            return new Refused("credential_unknown", "The hub does not know credential " + credentialId
                    + "; enrol the agent again with a new code from the LA");
        }
        if (known.get().revoked()) {
            return new Refused("credential_revoked", "The LA has revoked this school's credential "
                    + credentialId + (known.get().revokedReason() == null ? "" : " (" + known.get().revokedReason()
                    + ")") + "; ask the LA for a new enrolment code and run 'agent init' again");
        }
        String timestampText = request.getHeader(RequestSignature.TIMESTAMP_HEADER);
        String nonce = request.getHeader(RequestSignature.NONCE_HEADER);
        String digest = request.getHeader(RequestSignature.CONTENT_SHA256_HEADER);
        if (timestampText == null || !timestampText.matches("\\d{1,12}") || nonce == null
                || !NONCE.matcher(nonce).matches() || digest == null || !SHA256.matcher(digest).matches()) {
            return malformed("A signed request needs " + RequestSignature.TIMESTAMP_HEADER + " (Unix seconds), "
                    + RequestSignature.NONCE_HEADER + " (16 to 100 URL-safe characters) and "
                    + RequestSignature.CONTENT_SHA256_HEADER + " (64 hex digits)");
        }
        long timestamp = Long.parseLong(timestampText);
        Instant now = clock.instant();
        if (Math.abs(now.getEpochSecond() - timestamp) > MAX_SKEW.toSeconds()) {
            return new Refused("timestamp_skew", "The request's time differs from the hub's by more than "
                    + MAX_SKEW.toMinutes() + " minutes; check the school computer's clock and time zone");
        }
        String canonical = RequestSignature.canonical(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), timestamp, nonce, digest, new RequestSignature.SignedHeaders(
                        request.getHeader("Content-Encoding"), request.getHeader("Content-Type"),
                        request.getHeader("Idempotency-Key")));
        if (!RequestSignature.verify(known.get().signingKey(), canonical, auth.group(3))) {
            return new Refused("signature_invalid", "The request's signature does not match; the credential "
                    + "file may be damaged or the request was changed on its way");
        }
        // Recorded only after the signature is good, so that nobody can use up an agent's nonces.
        if (!nonces.firstUse(credentialId, nonce, Instant.ofEpochSecond(timestamp).plus(MAX_SKEW).plusSeconds(60))) {
            return new Refused("nonce_replayed", "This request was already received once (its nonce was used); "
                    + "a replayed request is refused");
        }
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (hasBody && request.getContentLengthLong() < 0) {
            return malformed("A signed request with a body must send Content-Length");
        }
        HttpServletRequest passOn = hasBody ? new DigestCheckedRequest(request, digest) : request;
        if (!hasBody && !digest.equalsIgnoreCase(RequestSignature.EMPTY_SHA256)) {
            return malformed(RequestSignature.CONTENT_SHA256_HEADER + " names a body but the request has none");
        }
        return new Accepted(known.get().laestab(), passOn);
    }

    private static Refused malformed(String message) {
        return new Refused("request_malformed", message);
    }
}
