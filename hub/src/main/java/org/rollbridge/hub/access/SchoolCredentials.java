package org.rollbridge.hub.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.rollbridge.core.identity.Laestab;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * School upload credentials: a 32-byte random token shown once, of which only the SHA-256 is stored.
 */
@Service
public class SchoolCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient db;
    private final HubProperties settings;

    public SchoolCredentials(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Registers the school if needed and issues a new token for it; the token is not kept. */
    @Transactional
    public String issue(String laestab) {
        Laestab school = Laestab.parse(laestab).orElseThrow(() -> new IllegalArgumentException(
                "'" + laestab + "' is not a LAESTAB: give the 7-digit LA code + establishment number, e.g. 9262001"));
        ensureSchool(school.code());
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "rbs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        db.sql("insert into school_credentials (la, laestab, token_sha256) values (?, ?, ?)")
                .params(settings.la(), school.code(), sha256(token)).update();
        return token;
    }

    public void ensureSchool(String laestab) {
        db.sql("insert into schools (la, laestab) values (?, ?) on conflict (laestab) do nothing")
                .params(settings.la(), laestab).update();
    }

    /** The school a token belongs to, when it is a current credential. */
    public Optional<String> schoolFor(String token) {
        return db.sql("select laestab from school_credentials where token_sha256 = ? and revoked_at is null")
                .param(sha256(token)).query(String.class).optional();
    }

    /** True when the token was a credential and has been revoked. */
    public boolean revoked(String token) {
        return db.sql("select count(*) from school_credentials where token_sha256 = ? and revoked_at is not null")
                .param(sha256(token)).query(Long.class).single() > 0;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
