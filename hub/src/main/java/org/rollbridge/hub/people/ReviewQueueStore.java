package org.rollbridge.hub.people;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes review decisions on the review queue (review_queue), and reads, locked, the item or held record a
 * decision is about.
 */
@Component
public class ReviewQueueStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public ReviewQueueStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * A review item with its held record, locked both, for a decision: status, held_record_id,
     * candidate_person_id, score, decided_by, decided_at, held_status, upn, batch_id, laestab and payload.
     */
    Optional<Map<String, Object>> lockItem(long id) {
        return db.sql("""
                select q.status, q.held_record_id, q.candidate_person_id, q.score, q.decided_by, q.decided_at,
                       h.status as held_status, h.upn, h.batch_id, h.laestab, h.payload::text as payload
                from review_queue q join held_records h on h.id = q.held_record_id
                where q.la = ? and q.id = ? for update of q, h""")
                .params(settings.la(), id).query().listOfRows().stream().findFirst();
    }

    /** A held record, locked, for a decision on it: status, reason, upn, laestab and payload. */
    Optional<Map<String, Object>> lockHeld(long heldId) {
        return db.sql("""
                select status, reason, upn, laestab, payload::text as payload from held_records
                where la = ? and id = ? for update""")
                .params(settings.la(), heldId).query().listOfRows().stream().findFirst();
    }

    /** A held record's status, reason and person_id now. */
    Map<String, Object> held(long heldId) {
        return db.sql("select status, reason, person_id from held_records where id = ?").param(heldId)
                .query().singleRow();
    }

    void decide(long id, String status, String decidedBy, String reason, Long person) {
        db.sql("""
                update review_queue set status = ?, decided_by = ?, decided_at = now(), decision_reason = ?,
                       decided_person_id = ? where id = ?""")
                .params(status, decidedBy, reason, person, id).update();
    }

    /** Decides every open item of a held record alike (a decision taken on the held record itself). */
    void decideOpenFor(long heldId, String status, String decidedBy, String reason, long person) {
        db.sql("""
                update review_queue set status = ?, decided_by = ?, decided_at = now(), decision_reason = ?,
                       decided_person_id = ? where held_record_id = ? and status = 'open'""")
                .params(status, decidedBy, reason, person, heldId).update();
    }

    /** The open items of these held records are moot: each record now belongs to a person. */
    void supersedeOpen(Collection<Long> heldIds, String decidedBy) {
        db.sql("""
                update review_queue set status = 'superseded', decided_by = ?, decided_at = now()
                where held_record_id = any (?) and status = 'open'""")
                .params(decidedBy, heldIds.toArray(Long[]::new)).update();
    }

    boolean anyOpen(long heldId) {
        return db.sql("select count(*) from review_queue where held_record_id = ? and status = 'open'")
                .param(heldId).query(Long.class).single() > 0;
    }
}
