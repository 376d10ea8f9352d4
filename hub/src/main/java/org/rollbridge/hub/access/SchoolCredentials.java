package org.rollbridge.hub.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.rollbridge.core.identity.Laestab;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * School upload credentials: a 32-byte random token shown once, of which only the SHA-256 is stored
 * ({@link SchoolCredentialStore}).
 */
@Service
public class SchoolCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SchoolCredentialStore credentials;
    private final SchoolStore schools;

    public SchoolCredentials(SchoolCredentialStore credentials, SchoolStore schools) {
        this.credentials = credentials;
        this.schools = schools;
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
        credentials.addToken(school.code(), sha256(token));
        return token;
    }

    public void ensureSchool(String laestab) {
        schools.ensure(laestab);
    }

    /** The school a token belongs to, when it is a current credential. */
    public Optional<String> schoolFor(String token) {
        return credentials.schoolOfToken(sha256(token));
    }

    /** True when the token was a credential and has been revoked. */
    public boolean revoked(String token) {
        return credentials.tokenRevoked(sha256(token));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
