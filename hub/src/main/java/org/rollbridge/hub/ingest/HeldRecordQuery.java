package org.rollbridge.hub.ingest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The records batches held back (held_records), for the school's page and the held-records API. */
@Component
public class HeldRecordQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public HeldRecordQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public record Held(String feed, String location, String reason, String ruleId, String field, String upn,
                       String detail, OffsetDateTime createdAt) {
    }

    /** The school's records still held, newest first, at most {@code limit}. */
    public List<Held> stillHeld(String laestab, int limit) {
        return db.sql("""
                select feed, location, reason, rule_id, field, upn, detail, created_at from held_records
                where la = ? and laestab = ? and status = 'held' order by created_at desc, id limit ?""")
                .params(settings.la(), laestab, limit)
                .query((rs, n) -> new Held(rs.getString("feed"), rs.getString("location"), rs.getString("reason"),
                        rs.getString("rule_id"), rs.getString("field"), rs.getString("upn"), rs.getString("detail"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Held records with this status, of one school or (when {@code laestab} is null) of every school, oldest first,
     * at most 1,000, with the API's field names.
     */
    public List<Map<String, Object>> withStatus(String status, String laestab) {
        return db.sql("""
                select id, batch_id as "batchId", laestab, feed, location, upn, reason, detail, status,
                       created_at as "createdAt"
                from held_records where la = ? and status = ? and (?::text is null or laestab = ?)
                order by id limit 1000""")
                .params(settings.la(), status, laestab, laestab).query().listOfRows();
    }
}
