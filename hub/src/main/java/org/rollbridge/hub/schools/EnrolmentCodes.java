package org.rollbridge.hub.schools;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rollbridge.core.identity.Laestab;
import org.rollbridge.core.signing.RequestSignature;
import org.rollbridge.hub.access.SchoolCredentials;
import org.springframework.stereotype.Service;

/**
 * One-time enrolment codes an LA administrator hands a school (by phone or letter) so that the school's agent can
 * obtain its own credential. A code is kept only as its SHA-256 ({@link EnrolmentCodeStore}), expires, and works
 * once.
 */
@Service
public class EnrolmentCodes {

    /** Letters and digits that cannot be confused when read aloud or copied by hand. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    private final EnrolmentCodeStore codes;
    private final SchoolCredentials schools;
    private final Clock clock;

    public EnrolmentCodes(EnrolmentCodeStore codes, SchoolCredentials schools, Clock clock) {
        this.codes = codes;
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
        codes.add(school, hash(code.toString()), expires);
        return new Issued(school, code.toString(), expires);
    }

    /** Uses up a code for the school, atomically; empty when it is unknown, expired, used or another school's. */
    public Optional<Long> redeem(String laestab, String code) {
        return codes.use(laestab, hash(code), clock.instant());
    }

    /** Codes are compared case-insensitively and without the dashes, as people type them. */
    static byte[] hash(String code) {
        String normal = code.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return RequestSignature.sha256().digest(normal.getBytes(StandardCharsets.UTF_8));
    }
}
