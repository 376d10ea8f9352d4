package org.rollbridge.hub.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.rollbridge.core.signing.RequestSignature;
import org.springframework.stereotype.Service;

/**
 * Credentials for signed requests: an id sent with every request and a secret that never travels again after
 * enrolment. The hub keeps the key derived from the secret (it must, to check signatures), never the secret
 * ({@link SchoolCredentialStore}).
 */
@Service
public class SigningCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SchoolCredentialStore credentials;

    public SigningCredentials(SchoolCredentialStore credentials) {
        this.credentials = credentials;
    }

    /** What a school receives once, at enrolment. */
    public record Issued(String laestab, String credentialId, String secret) {
    }

    /** A credential as the hub knows it. */
    public record Known(String credentialId, String laestab, byte[] signingKey, boolean revoked,
                        String revokedReason) {
    }

    public Issued issue(String laestab) {
        String id = "rbk_" + random(12);
        String secret = "rbsec_" + random(32);
        // token_sha256 must be unique and non-null; a hash of discarded random bytes can never match a bearer token.
        credentials.addSigningKey(laestab, RequestSignature.sha256().digest(random(32).getBytes()), id,
                RequestSignature.signingKey(secret));
        return new Issued(laestab, id, secret);
    }

    public Optional<Known> find(String credentialId) {
        return credentials.signingCredential(credentialId);
    }

    /** Revokes one credential; false when there is no such current credential. */
    public boolean revoke(String credentialId, String reason) {
        return credentials.revoke(credentialId, reason);
    }

    /** Revokes every current credential of a school, bearer tokens included; returns how many. */
    public int revokeAll(String laestab, String reason) {
        return credentials.revokeAll(laestab, reason);
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
