package org.rollbridge.hub.rights;

import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erasure decisions: who decided, when, why (no personal data). */
@Component
public class ErasureStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public ErasureStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public boolean exists(long personId) {
        return db.sql("select exists (select 1 from persons where la = ? and id = ?)").params(settings.la(), personId)
                .query(Boolean.class).single();
    }

    /** Locks the person's row, so that a hold placed at the same moment waits for the erasure or wins before it. */
    public boolean onHold(long personId) {
        db.sql("select id from persons where la = ? and id = ? for update").params(settings.la(), personId)
                .query(Long.class).optional();
        return db.sql("select exists (select 1 from legal_holds where la = ? and person_id = ? and released_at is null)")
                .params(settings.la(), personId).query(Boolean.class).single();
    }

    public long decide(String decidedBy, String reason, String reference) {
        return db.sql("insert into erasure_decisions (la, decided_by, reason, reference) values (?, ?, ?, ?) "
                + "returning id").params(settings.la(), decidedBy, reason, reference).query(Long.class).single();
    }
}
