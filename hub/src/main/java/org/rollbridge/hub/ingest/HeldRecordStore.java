package org.rollbridge.hub.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The held_records rows as they leave the hold: locked and read for release, then marked released, or superseded
 * by a newer batch's. Records are held by the feeds' stores and {@link FindingStore}; {@link HeldRecordQuery}
 * reads them for pages and the API.
 */
@Component
public class HeldRecordStore {

    private static final String RELEASABLE = """
            select id, batch_id, laestab, feed, upn, payload::text as payload from held_records
            where la = ? and status = 'held' and\s""";
    private final JdbcClient db;
    private final HubProperties settings;

    public HeldRecordStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A held record as its feed's release needs it; {@code payload} is the record as JSON. */
    public record Releasable(long id, UUID batchId, String laestab, String feed, String upn, String payload) {
    }

    /** The records held as unmatched or for review under this UPN, locked until the transaction ends. */
    public List<Releasable> lockUnmatched(String upn) {
        return db.sql(RELEASABLE + "upn = ? and reason in ('UNMATCHED', 'REVIEW') order by id for update")
                .params(settings.la(), upn).query(HeldRecordStore::releasable).list();
    }

    /** One record still held for any reason but an error, locked until the transaction ends. */
    public List<Releasable> lockOne(long heldId) {
        return db.sql(RELEASABLE + "id = ? and reason <> 'ERROR' for update")
                .params(settings.la(), heldId).query(HeldRecordStore::releasable).list();
    }

    public void markReleased(long heldId, long personId) {
        db.sql("update held_records set status = 'released', released_at = now(), person_id = ? where id = ?")
                .params(personId, heldId).update();
    }

    /**
     * Supersedes the school's records of one feed held from other batches for these pupils, with their open review
     * items; returns how many records.
     */
    public int supersede(UUID batchId, String laestab, String feed, List<String> upns) {
        return db.sql("""
                with gone as (
                    update held_records set status = 'superseded', released_at = now()
                    where la = ? and laestab = ? and feed = ? and status = 'held' and batch_id <> ?
                      and upn = any(string_to_array(?, ','))
                    returning id),
                reviews as (
                    update review_queue q set status = 'superseded', decided_by = 'a newer record', decided_at = now()
                    from gone where q.held_record_id = gone.id and q.status = 'open')
                select count(*) from gone""")
                .params(settings.la(), laestab, feed, batchId, String.join(",", upns)).query(Integer.class).single();
    }

    /** The pupils (UPNs) of one feed held from this batch. */
    public List<String> heldUpns(UUID batchId, String feed) {
        return db.sql("select distinct upn from held_records where batch_id = ? and feed = ? and upn is not null")
                .params(batchId, feed).query(String.class).list();
    }

    private static Releasable releasable(ResultSet rs, int n) throws SQLException {
        return new Releasable(rs.getLong("id"), rs.getObject("batch_id", UUID.class), rs.getString("laestab"),
                rs.getString("feed"), rs.getString("upn"), rs.getString("payload"));
    }
}
