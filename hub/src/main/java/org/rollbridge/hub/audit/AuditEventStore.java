package org.rollbridge.hub.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit_events rows of the hub's LA: added, and searched; the table's trigger refuses anything else. */
@Component
public class AuditEventStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public AuditEventStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public void add(String actor, String role, AuditAction action, String subject, String reason, String detail,
                    String outcome) {
        db.sql("""
                insert into audit_events (la, actor, role, action, subject, reason, detail, outcome)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(settings.la(), actor, role, action.name(), subject, reason, detail, outcome).update();
    }

    /** The newest events matching the query's non-blank fields, at most {@code limit}. */
    public List<AuditLog.Event> search(AuditLog.Query query, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, at, actor, role, action, subject, reason, detail, outcome from audit_events where la = ?""");
        List<Object> params = new ArrayList<>(List.of(settings.la()));
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
        if (query.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(query.to()));
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return db.sql(sql.toString()).params(params).query((rs, n) -> new AuditLog.Event(rs.getLong("id"),
                rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("role"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("subject"), rs.getString("reason"),
                rs.getString("detail"), rs.getString("outcome"))).list();
    }
}
