package org.rollbridge.hub.schools;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The enrolment_codes rows, each a code's SHA-256 with its school, expiry and when it was used. */
@Component
public class EnrolmentCodeStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public EnrolmentCodeStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public void add(String laestab, byte[] codeSha256, Instant expiresAt) {
        db.sql("insert into enrolment_codes (la, laestab, code_sha256, expires_at) values (?, ?, ?, ?)")
                .params(settings.la(), laestab, codeSha256, Timestamp.from(expiresAt)).update();
    }

    /** Marks the school's code used, in one update; empty when it is unknown, used or expired at {@code now}. */
    public Optional<Long> use(String laestab, byte[] codeSha256, Instant now) {
        return db.sql("update enrolment_codes set used_at = now() where code_sha256 = ? and laestab = ? "
                        + "and used_at is null and expires_at > ? returning id")
                .params(codeSha256, laestab, Timestamp.from(now)).query(Long.class).optional();
    }
}
