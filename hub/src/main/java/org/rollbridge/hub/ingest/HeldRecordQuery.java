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

    public record Held(long id, String feed, String location, String reason, String ruleId, String field, String upn,
                       String detail, OffsetDateTime createdAt) {
    }

    /**
     * The reason as a school reads it: a pupil held for review or as a conflict reads as unmatched, so that the reason
     * no more than the detail tells a school whether the LA knows the UPN or a name and date of birth (one
     * parameter: whether the reader is the school).
     */
    private static final String REASON = "case when ? and reason in ('REVIEW', 'CONFLICT') then 'UNMATCHED' "
            + "else reason end";

    /** The school's records still held, newest first, at most {@code limit}; {@code forSchool}: as the school reads them. */
    public List<Held> stillHeld(String laestab, int limit, boolean forSchool) {
        return db.sql("select id, feed, location, " + REASON + " as reason, rule_id, field, upn, detail, created_at "
                        + "from held_records where la = ? and laestab = ? and status = 'held' "
                        + "order by created_at desc, id limit ?")
                .params(forSchool, settings.la(), laestab, limit)
                .query((rs, n) -> new Held(rs.getLong("id"), rs.getString("feed"), rs.getString("location"),
                        rs.getString("reason"),
                        rs.getString("rule_id"), rs.getString("field"), rs.getString("upn"), rs.getString("detail"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Held records with this status, of one school or (when {@code laestab} is null) of every school, oldest first,
     * at most 1,000, with the API's field names.
     */
    public List<Map<String, Object>> withStatus(String status, String laestab, boolean forSchool) {
        return db.sql("select id, batch_id as \"batchId\", laestab, feed, location, upn, " + REASON + " as reason, detail, "
                        + "status, created_at as \"createdAt\" from held_records "
                        + "where la = ? and status = ? and (?::text is null or laestab = ?) order by id limit 1000")
                .params(forSchool, settings.la(), status, laestab, laestab).query().listOfRows();
    }
}
