package org.rollbridge.hub.access;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The request_nonces rows: each signed request's nonce, with the time after which it may be forgotten. */
@Component
public class RequestNonceStore {

    private final JdbcClient db;

    public RequestNonceStore(JdbcClient db) {
        this.db = db;
    }

    /** Adds the nonce; false when the credential already used it. */
    public boolean addFirst(String credentialId, String nonce, Instant keepUntil) {
        return db.sql("insert into request_nonces (key_id, nonce, expires_at) values (?, ?, ?) "
                        + "on conflict do nothing")
                .params(credentialId, nonce, Timestamp.from(keepUntil)).update() == 1;
    }

    public void purgeExpired() {
        db.sql("delete from request_nonces where expires_at < now()").update();
    }
}
