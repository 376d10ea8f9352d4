package org.rollbridge.hub.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit_events rows of the hub's LA: added, and searched; the table's trigger refuses anything else. */
@Component
public class AuditEventStore {

    private static final String SELECT = """
            select id, at, actor, role, action, subject, reason, detail, outcome, persons, upns from audit_events""";

    private final JdbcClient db;
    private final HubProperties settings;

    public AuditEventStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public void add(String actor, String role, AuditAction action, String subject, String reason, String detail,
                    String outcome, Pupils pupils) {
        db.sql("""
                insert into audit_events (la, actor, role, action, subject, reason, detail, outcome, persons, upns)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?::text[])""")
                .params(settings.la(), actor, role, action.name(), subject, reason, detail, outcome,
                        array(pupils.persons()), array(pupils.upns()))
                .update();
    }

    /** How many events match the search's non-blank fields. */
    public long count(AuditLog.Search search) {
        List<Object> params = new ArrayList<>();
        String where = where(search, params);
        return db.sql("select count(*) from audit_events" + where).params(params).query(Long.class).single();
    }

    /** The matching events newest first, {@code limit} of them after skipping {@code offset}. */
    public List<AuditLog.Event> search(AuditLog.Search search, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String where = where(search, params);
        params.add(limit);
        params.add(offset);
        return db.sql(SELECT + where + " order by id desc limit ? offset ?").params(params)
                .query((rs, n) -> event(rs)).list();
    }

    private String where(AuditLog.Search query, List<Object> params) {
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
            String upn = query.upn().strip().toUpperCase(Locale.ROOT);
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

    private static AuditLog.Event event(ResultSet rs) throws SQLException {
        return new AuditLog.Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
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
