package org.rollbridge.hub.access;

import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The school_credentials rows: bearer tokens (kept as their SHA-256) and signing credentials (an id and the key
 * derived from the secret), both revocable.
 */
@Component
public class SchoolCredentialStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public SchoolCredentialStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public void addToken(String laestab, byte[] tokenSha256) {
        db.sql("insert into school_credentials (la, laestab, token_sha256) values (?, ?, ?)")
                .params(settings.la(), laestab, tokenSha256).update();
    }

    /** A signing credential; {@code tokenSha256} only fills the column every credential must have unique. */
    public void addSigningKey(String laestab, byte[] tokenSha256, String credentialId, byte[] signingKey) {
        db.sql("insert into school_credentials (la, laestab, token_sha256, key_id, signing_key) values (?, ?, ?, ?, ?)")
                .params(settings.la(), laestab, tokenSha256, credentialId, signingKey).update();
    }

    /** The school of a current (not revoked) token, by the token's SHA-256. */
    public Optional<String> schoolOfToken(byte[] tokenSha256) {
        return db.sql("select laestab from school_credentials where token_sha256 = ? and revoked_at is null")
                .param(tokenSha256).query(String.class).optional();
    }

    public boolean tokenRevoked(byte[] tokenSha256) {
        return db.sql("select count(*) from school_credentials where token_sha256 = ? and revoked_at is not null")
                .param(tokenSha256).query(Long.class).single() > 0;
    }

    public Optional<SigningCredentials.Known> signingCredential(String credentialId) {
        return db.sql("select key_id, laestab, signing_key, revoked_at is not null as revoked, revoked_reason "
                        + "from school_credentials where key_id = ?")
                .param(credentialId)
                .query((rs, n) -> new SigningCredentials.Known(rs.getString(1), rs.getString(2), rs.getBytes(3),
                        rs.getBoolean(4), rs.getString(5)))
                .optional();
    }

    /** Revokes one current signing credential; false when there is none with this id. */
    public boolean revoke(String credentialId, String reason) {
        return db.sql("update school_credentials set revoked_at = now(), revoked_reason = ? "
                        + "where key_id = ? and revoked_at is null")
                .params(reason, credentialId).update() > 0;
    }

    /** Revokes every current credential of a school, tokens and signing credentials; returns how many. */
    public int revokeAll(String laestab, String reason) {
        return db.sql("update school_credentials set revoked_at = now(), revoked_reason = ? "
                        + "where laestab = ? and revoked_at is null")
                .params(reason, laestab).update();
    }
}
