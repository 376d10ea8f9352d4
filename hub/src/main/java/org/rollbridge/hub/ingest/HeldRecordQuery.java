package org.rollbridge.hub.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.core.matching.SchoolAnswer;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records batches held back (held_records), for the school's page and the held-records API, with the school's
 * answers to the LA's question on those held as unmatched (held_answers).
 */
@Component
public class HeldRecordQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public HeldRecordQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * A held record; {@code answer} (with {@code previouslyAt} and {@code answeredAt}) is the school's answer to the
     * LA's question, null while none was given.
     */
    public record Held(long id, String laestab, String feed, String location, String reason, String ruleId,
                       String field, String upn, String detail, OffsetDateTime createdAt, SchoolAnswer answer, String previouslyAt,
                       OffsetDateTime answeredAt) {

        /** Whether the school is asked the LA's question about this record (read as the school reads it). */
        public boolean asked() {
            return SchoolAnswer.asked(feed, reason);
        }

        /** The school's answer as the LA's reviewer reads it, or null. */
        public SchoolAnswer.Answer schoolAnswer() {
            return answer == null ? null : new SchoolAnswer.Answer(answer, previouslyAt);
        }
    }

    /** How many of a school's records are held, and how many of those the school has yet to answer the LA about. */
    public record Counts(long held, long questionsWaiting) {
    }

    /**
     * The reason as a school reads it: a pupil held for review or as a conflict reads as unmatched, so that the reason
     * no more than the detail tells a school whether the LA knows the UPN or a name and date of birth (one
     * parameter: whether the reader is the school).
     */
    private static final String REASON = "case when ? and reason in ('REVIEW', 'CONFLICT') then 'UNMATCHED' "
            + "else reason end";

    /** A held record with its answer; one parameter for {@link #REASON}, then the condition's. */
    private static final String HELD = "select h.id, h.laestab, h.feed, h.location, "
            + REASON.replace("reason", "h.reason") + " as reason, h.rule_id, h.field, h.upn, h.detail, h.created_at, "
            + "a.answer, a.previously_at, a.answered_at from held_records h "
            + "left join held_answers a on a.held_record_id = h.id where h.la = ? and h.status = 'held' and ";

    /** The school's records still held, newest first, at most {@code limit}; {@code forSchool}: as the school reads them. */
    public List<Held> stillHeld(String laestab, int limit, boolean forSchool) {
        return db.sql(HELD + "h.laestab = ? order by h.created_at desc, h.id limit ?")
                .params(forSchool, settings.la(), laestab, limit)
                .query((rs, n) -> held(rs)).list();
    }

    /** One of the school's records still held, as the school reads it. */
    public Optional<Held> stillHeld(String laestab, long id) {
        return db.sql(HELD + "h.laestab = ? and h.id = ?").params(true, settings.la(), laestab, id)
                .query((rs, n) -> held(rs)).optional();
    }

    /** One record still held, of any school, as the LA reads it. */
    public Optional<Held> stillHeld(long id) {
        return db.sql(HELD + "h.id = ?").params(false, settings.la(), id).query((rs, n) -> held(rs)).optional();
    }

    /** The school's held records, and those it is asked about and has not answered (core's {@link SchoolAnswer#asked}). */
    public Counts counts(String laestab) {
        return db.sql("select count(*) as held, count(*) filter (where h.feed = 'ctf' and h.reason = any (?) "
                        + "and a.held_record_id is null) as waiting from held_records h "
                        + "left join held_answers a on a.held_record_id = h.id "
                        + "where h.la = ? and h.laestab = ? and h.status = 'held'")
                .params(SchoolAnswer.ASKED_REASONS.toArray(String[]::new), settings.la(), laestab)
                .query((rs, n) -> new Counts(rs.getLong("held"), rs.getLong("waiting"))).single();
    }

    /**
     * Records still held as unmatched (no candidate, so not in the review items) that their school has answered
     * about, oldest answer first, at most {@code limit}: the LA reads them with the review queue.
     */
    public List<Held> answeredUnmatched(int limit) {
        return db.sql(HELD + "h.reason = 'UNMATCHED' and a.answer is not null order by a.answered_at, h.id limit ?")
                .params(false, settings.la(), limit).query((rs, n) -> held(rs)).list();
    }

    private static Held held(ResultSet rs) throws SQLException {
        return new Held(rs.getLong("id"), rs.getString("laestab"), rs.getString("feed"), rs.getString("location"),
                rs.getString("reason"), rs.getString("rule_id"), rs.getString("field"), rs.getString("upn"), rs.getString("detail"),
                rs.getObject("created_at", OffsetDateTime.class),
                SchoolAnswer.of(rs.getString("answer")).orElse(null), rs.getString("previously_at"),
                rs.getObject("answered_at", OffsetDateTime.class));
    }

    /**
     * Held records with this status, of one school or (when {@code laestab} is null) of every school, oldest first,
     * at most 1,000, with the API's field names; {@code answer} and {@code previouslyAt} are the school's answer to
     * the LA's question, if it gave one.
     */
    public List<Map<String, Object>> withStatus(String status, String laestab, boolean forSchool) {
        return db.sql("select h.id, h.batch_id as \"batchId\", h.laestab, h.feed, h.location, h.upn, "
                        + REASON.replace("reason", "h.reason") + " as reason, h.detail, h.status, "
                        + "h.created_at as \"createdAt\", a.answer, a.previously_at as \"previouslyAt\" "
                        + "from held_records h left join held_answers a on a.held_record_id = h.id "
                        + "where h.la = ? and h.status = ? and (?::text is null or h.laestab = ?) order by h.id limit 1000")
                .params(forSchool, settings.la(), status, laestab, laestab).query().listOfRows();
    }
}
