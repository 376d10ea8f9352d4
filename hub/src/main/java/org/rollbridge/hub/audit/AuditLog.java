package org.rollbridge.hub.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

    private final JdbcClient db;
    private final HubProperties settings;

    public AuditLog(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** One audited event; {@code actor} is null for a sign-in attempt against an unknown account. */
    public record Event(long id, Instant at, String actor, String role, AuditAction action, String subject,
                        String reason, String detail, String outcome) {
    }

    /** A search of the log; null fields match anything. */
    public record Query(String actor, AuditAction action, String subject, Instant from, Instant to, int limit) {
    }

    public void record(Actor user, AuditAction action, String subject, String reason, String detail) {
        record(user == null ? null : user.username(), user == null ? null : user.roleName(), action, subject,
                reason, detail, "ok");
    }

    public void record(String actor, String role, AuditAction action, String subject, String reason, String detail,
                       String outcome) {
        db.sql("""
                insert into audit_events (la, actor, role, action, subject, reason, detail, outcome)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(settings.la(), actor, role, action.name(), subject, reason, detail, outcome).update();
    }

    public List<Event> search(Query query) {
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
        params.add(Math.max(1, Math.min(query.limit(), 500)));
        return db.sql(sql.toString()).params(params).query((rs, n) -> new Event(rs.getLong("id"),
                rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("role"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("subject"), rs.getString("reason"),
                rs.getString("detail"), rs.getString("outcome"))).list();
    }
}
