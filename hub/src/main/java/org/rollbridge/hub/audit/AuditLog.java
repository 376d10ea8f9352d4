package org.rollbridge.hub.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The append-only record of who looked at or changed what, when and why. The table refuses updates and deletes
 * (a trigger), so this class can only add and read; its rows are {@link AuditEventStore}'s.
 */
@Service
public class AuditLog {

    /** The most events one search returns. */
    static final int MOST_FOUND = 500;
    private final AuditEventStore events;

    public AuditLog(AuditEventStore events) {
        this.events = events;
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
        events.add(actor, role, action, subject, reason, detail, outcome);
    }

    /** The newest events first, between one and {@link #MOST_FOUND} of them whatever the query's limit. */
    public List<Event> search(Query query) {
        return events.search(query, Math.max(1, Math.min(query.limit(), MOST_FOUND)));
    }
}
