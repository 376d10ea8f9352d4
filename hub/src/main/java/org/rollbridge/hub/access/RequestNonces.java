package org.rollbridge.hub.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Nonces of signed requests seen recently, in PostgreSQL so that every hub instance refuses a replay. A nonce is
 * kept until its request's timestamp could no longer be accepted, then purged.
 */
@Component
public class RequestNonces {

    private static final int PURGE_EVERY = 256;
    private final JdbcClient db;
    private final AtomicInteger uses = new AtomicInteger();

    public RequestNonces(JdbcClient db) {
        this.db = db;
    }

    /** Records the nonce; false when it was already used with this credential. */
    public boolean firstUse(String credentialId, String nonce, Instant keepUntil) {
        if (uses.incrementAndGet() % PURGE_EVERY == 0) {
            db.sql("delete from request_nonces where expires_at < now()").update();
        }
        return db.sql("insert into request_nonces (key_id, nonce, expires_at) values (?, ?, ?) "
                        + "on conflict do nothing")
                .params(credentialId, nonce, Timestamp.from(keepUntil)).update() == 1;
    }
}
