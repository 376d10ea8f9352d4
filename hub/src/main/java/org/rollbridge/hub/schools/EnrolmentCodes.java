package org.rollbridge.hub.schools;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rollbridge.core.identity.Laestab;
import org.rollbridge.core.signing.RequestSignature;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.SchoolCredentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One-time enrolment codes an LA administrator hands a school (by phone or letter) so that the school's agent can
 * obtain its own credential. A code is kept only as its SHA-256, expires, and works once.
 */
@Service
public class EnrolmentCodes {

    /** Letters and digits that cannot be confused when read aloud or copied by hand. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    private final JdbcClient db;
    private final HubProperties settings;
    private final SchoolCredentials schools;
    private final Clock clock;

    public EnrolmentCodes(JdbcClient db, HubProperties settings, SchoolCredentials schools, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.schools = schools;
        this.clock = clock;
    }

    public record Issued(String laestab, String code, Instant expiresAt) {
    }

    public Issued issue(String laestab, Duration lifetime) {
        String school = Laestab.parse(laestab).orElseThrow(() -> new IllegalArgumentException(
                "'" + laestab + "' is not a LAESTAB: give the 7-digit LA code + establishment number, e.g. 9262001"))
                .code();
        schools.ensureSchool(school);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        Instant expires = clock.instant().plus(lifetime);
        db.sql("insert into enrolment_codes (la, laestab, code_sha256, expires_at) values (?, ?, ?, ?)")
                .params(settings.la(), school, hash(code.toString()), java.sql.Timestamp.from(expires)).update();
        return new Issued(school, code.toString(), expires);
    }

    /** Uses up a code for the school, atomically; empty when it is unknown, expired, used or another school's. */
    public Optional<Long> redeem(String laestab, String code) {
        return db.sql("update enrolment_codes set used_at = now() where code_sha256 = ? and laestab = ? "
                        + "and used_at is null and expires_at > ? returning id")
                .params(hash(code), laestab, java.sql.Timestamp.from(clock.instant())).query(Long.class).optional();
    }

    /** Codes are compared case-insensitively and without the dashes, as people type them. */
    static byte[] hash(String code) {
        String normal = code.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return RequestSignature.sha256().digest(normal.getBytes(StandardCharsets.UTF_8));
    }
}
