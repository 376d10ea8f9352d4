package org.rollbridge.core.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a school agent signs each request to the hub, so that a captured request cannot be replayed or altered and
 * the credential's secret never travels after enrolment. Both ends build the same canonical text:
 *
 * <pre>
 * ROLLBRIDGE-HMAC-SHA256-V2
 * METHOD
 * raw path
 * raw query (empty when none)
 * timestamp (Unix seconds)
 * nonce
 * SHA-256 of the body's bytes as sent (before any decoding), lower-case hex (of nothing for a request without a body)
 * Content-Encoding, stripped and lower-case (empty when none)
 * Content-Type, stripped (empty when none)
 * Idempotency-Key, as sent (empty when none)
 * </pre>
 *
 * and sign it with HMAC-SHA256 under a key derived from the secret ({@link #signingKey}). The request carries
 * {@code Authorization: Rollbridge-HMAC-SHA256-V2 Credential=<id>, Signature=<base64url>} and the headers below.
 * The first version ({@link #SCHEME_V1}) covered neither the body's encoding and type nor the batch id, so that a
 * captured upload's headers could be changed; the hub refuses it and says to update the agent.
 */
public final class RequestSignature {

    public static final String SCHEME = "Rollbridge-HMAC-SHA256-V2";
    /** The first version's scheme, refused since V2. */
    public static final String SCHEME_V1 = "Rollbridge-HMAC-SHA256";
    public static final String TIMESTAMP_HEADER = "X-Rollbridge-Timestamp";
    public static final String NONCE_HEADER = "X-Rollbridge-Nonce";
    public static final String CONTENT_SHA256_HEADER = "X-Rollbridge-Content-SHA256";
    public static final String EMPTY_SHA256 = sha256Hex(new byte[0]);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    // Not a secret: the protocol's public context label, fixed so agent and hub derive the same signing key from
    // the credential's secret (which comes from the environment or the agent's home, never from code).
    private static final byte[] KEY_DERIVATION_CONTEXT = "rollbridge request signing v1".getBytes(StandardCharsets.UTF_8);

    private RequestSignature() {
    }

    /** The headers that say what the body is and which batch it is, signed with it (null when not sent). */
    public record SignedHeaders(String contentEncoding, String contentType, String idempotencyKey) {

        public static final SignedHeaders NONE = new SignedHeaders(null, null, null);

        /** Hands each header that is sent (name, value) to {@code header}, e.g. a request builder's. */
        public void each(java.util.function.BiConsumer<String, String> header) {
            if (contentEncoding != null) {
                header.accept("Content-Encoding", contentEncoding);
            }
            if (contentType != null) {
                header.accept("Content-Type", contentType);
            }
            if (idempotencyKey != null) {
                header.accept("Idempotency-Key", idempotencyKey);
            }
        }

        String canonical() {
            return (contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT)) + "\n"
                    + (contentType == null ? "" : contentType.strip()) + "\n"
                    + (idempotencyKey == null ? "" : idempotencyKey);
        }
    }

    /** The text both ends sign. */
    public static String canonical(String method, String rawPath, String rawQuery, long timestamp, String nonce,
                                   String contentSha256, SignedHeaders headers) {
        return SCHEME.toUpperCase(Locale.ROOT) + "\n" + method.toUpperCase(Locale.ROOT) + "\n" + rawPath + "\n"
                + (rawQuery == null ? "" : rawQuery) + "\n" + timestamp + "\n" + nonce + "\n"
                + contentSha256.toLowerCase(Locale.ROOT) + "\n" + headers.canonical();
    }

    /** The key requests are signed with, derived from the credential's secret; the hub keeps only this. */
    public static byte[] signingKey(String secret) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), KEY_DERIVATION_CONTEXT);
    }

    public static String sign(byte[] signingKey, String canonical) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                hmac(signingKey, canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of a presented signature with the expected one. */
    public static boolean verify(byte[] signingKey, String canonical, String presented) {
        byte[] expected = sign(signingKey, canonical).getBytes(StandardCharsets.US_ASCII);
        return presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Signs a request and hands each header it must carry (name, value) to {@code header}: Authorization, the
     * timestamp, a fresh nonce, the body's digest and {@code headers} themselves. The school agent signs its
     * uploads this way, and the hub its deliveries to an agreement's HTTPS recipient.
     */
    public static void signRequest(byte[] signingKey, String credentialId, String method, String rawPath,
                                   String rawQuery, long timestamp, String contentSha256, SignedHeaders headers,
                                   java.util.function.BiConsumer<String, String> header) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String signature = sign(signingKey, canonical(method, rawPath, rawQuery, timestamp, nonce, contentSha256,
                headers));
        header.accept("Authorization", authorization(credentialId, signature));
        header.accept(TIMESTAMP_HEADER, Long.toString(timestamp));
        header.accept(NONCE_HEADER, nonce);
        header.accept(CONTENT_SHA256_HEADER, contentSha256);
        headers.each(header);
    }

    /** The Authorization header value. */
    public static String authorization(String credentialId, String signature) {
        return SCHEME + " Credential=" + credentialId + ", Signature=" + signature;
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
