package org.rollbridge.hub.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.rollbridge.core.signing.RequestSignature;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Credentials for signed requests: an id sent with every request and a secret that never travels again after
 * enrolment. The hub keeps the key derived from the secret (it must, to check signatures), never the secret.
 */
@Service
public class SigningCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient db;
    private final HubProperties settings;

    public SigningCredentials(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
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
        db.sql("insert into school_credentials (la, laestab, token_sha256, key_id, signing_key) values (?, ?, ?, ?, ?)")
                .params(settings.la(), laestab, RequestSignature.sha256().digest(random(32).getBytes()), id,
                        RequestSignature.signingKey(secret))
                .update();
        return new Issued(laestab, id, secret);
    }

    public Optional<Known> find(String credentialId) {
        return db.sql("select key_id, laestab, signing_key, revoked_at is not null as revoked, revoked_reason "
                        + "from school_credentials where key_id = ?")
                .param(credentialId)
                .query((rs, n) -> new Known(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBoolean(4),
                        rs.getString(5)))
                .optional();
    }

    /** Revokes one credential; false when there is no such current credential. */
    public boolean revoke(String credentialId, String reason) {
        return db.sql("update school_credentials set revoked_at = now(), revoked_reason = ? "
                        + "where key_id = ? and revoked_at is null")
                .params(reason, credentialId).update() > 0;
    }

    /** Revokes every current credential of a school, bearer tokens included; returns how many. */
    public int revokeAll(String laestab, String reason) {
        return db.sql("update school_credentials set revoked_at = now(), revoked_reason = ? "
                        + "where laestab = ? and revoked_at is null")
                .params(reason, laestab).update();
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
