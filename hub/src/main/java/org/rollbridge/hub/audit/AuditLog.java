package org.rollbridge.hub.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only record of who looked at or changed what, when and why. The table refuses updates and deletes
 * (a trigger), so this class can only add and read.
 */
@Service
public class AuditLog {

    /** The most rows one page of a search shows, and one export holds. */
    public static final int MOST_PER_PAGE = 500;
    public static final int MOST_EXPORTED = 50_000;

    private final JdbcClient db;
    private final HubProperties settings;

    public AuditLog(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** One audited event; {@code actor} is null for a sign-in attempt against an unknown account. */
    public record Event(long id, Instant at, String actor, String role, AuditAction action, String subject,
                        String reason, String detail, String outcome, Pupils pupils) {
    }

    /**
     * A search of the log; null fields match anything. {@code upn} finds the events that showed or changed the
     * pupil: by their person (current and former UPNs) or by the UPN itself where no person was known.
     */
    public record Search(String actor, AuditAction action, String subject, String upn, Instant from, Instant to) {
    }

    /** A search of the log's latest events; null fields match anything. */
    public record Query(String actor, AuditAction action, String subject, Instant from, Instant to, int limit) {
    }

    /** One page of a search, newest first, with how many events match in all. */
    public record Page(List<Event> events, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public void record(Actor user, AuditAction action, String subject, String reason, String detail) {
        record(user == null ? null : user.username(), user == null ? null : user.roleName(), action, subject,
                reason, detail, "ok");
    }

    public void record(String actor, String role, AuditAction action, String subject, String reason, String detail,
                       String outcome) {
        record(actor, role, action, subject, reason, detail, outcome, Pupils.NONE);
    }

    /** A read of pupil-level data, or a refused one ({@code outcome} "refused"), with the pupils it showed. */
    public void read(Actor user, AuditAction action, String subject, String detail, Pupils pupils, String outcome) {
        record(user.username(), user.roleName(), action, subject, null, detail, outcome, pupils);
    }

    public void record(String actor, String role, AuditAction action, String subject, String reason, String detail,
                       String outcome, Pupils pupils) {
        db.sql("""
                insert into audit_events (la, actor, role, action, subject, reason, detail, outcome, persons, upns)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?::text[])""")
                .params(settings.la(), actor, role, action.name(), subject, reason, detail, outcome,
                        array(pupils.persons()), array(pupils.upns()))
                .update();
    }

    public List<Event> search(Query query) {
        return search(new Search(query.actor(), query.action(), query.subject(), null, query.from(), query.to()), 1,
                query.limit()).events();
    }

    public Page search(Search query, int page, int size) {
        int shown = Math.max(1, Math.min(size, MOST_PER_PAGE));
        int wanted = Math.max(1, page);
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        long total = db.sql("select count(*) from audit_events" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(shown);
        paged.add((long) (wanted - 1) * shown);
        return new Page(db.sql(SELECT + where + " order by id desc limit ? offset ?").params(paged)
                .query((rs, n) -> event(rs)).list(), total, wanted, shown);
    }

    /** Every matching event, newest first, up to {@link #MOST_EXPORTED}. */
    public List<Event> export(Search query) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        params.add(MOST_EXPORTED);
        return db.sql(SELECT + where + " order by id desc limit ?").params(params).query((rs, n) -> event(rs)).list();
    }

    private static final String SELECT = """
            select id, at, actor, role, action, subject, reason, detail, outcome, persons, upns from audit_events""";

    private String where(Search query, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where la = ?");
        params.add(settings.la());
        if (query.actor() != null && !query.actor().isBlank()) {
            sql.append(" and actor = ?");
            params.add(query.actor().strip());
        }
        if (query.action() != null) {
            sql.append(" and action = ?");
            params.add(query.action().name());
        }
        if (query.subject() != null && !query.subject().isBlank()) {
            sql.append(" and subject = ?");
            params.add(query.subject().strip());
        }
        if (query.upn() != null && !query.upn().isBlank()) {
            // The pupil's person, found by any UPN they have held, or the UPN itself on rows that named no person.
            sql.append(" ").append("""
                    and (upns @> array[?]::text[]
                          or persons && array(select person_id from person_identifiers
                                              where la = ? and kind in ('UPN', 'FORMER_UPN') and value = ?)
                          or subject in (select 'person:' || person_id from person_identifiers
                                         where la = ? and kind in ('UPN', 'FORMER_UPN') and value = ?))""");
            String upn = query.upn().strip().toUpperCase(java.util.Locale.ROOT);
            params.addAll(List.of(upn, settings.la(), upn, settings.la(), upn));
        }
        if (query.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(query.to()));
        }
        return sql.toString();
    }

    private static Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("role"), AuditAction.valueOf(rs.getString("action")), rs.getString("subject"),
                rs.getString("reason"), rs.getString("detail"), rs.getString("outcome"),
                new Pupils(list(rs.getArray("persons"), Long.class), list(rs.getArray("upns"), String.class)));
    }

    private static <T> List<T> list(Array array, Class<T> type) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(type::cast).toList();
    }

    /** A PostgreSQL array literal, or null for none (cast by the statement). */
    private static String array(List<?> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder("{");
        for (Object v : values) {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }
}
