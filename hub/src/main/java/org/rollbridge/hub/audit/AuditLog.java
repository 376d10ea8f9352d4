package org.rollbridge.hub.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The append-only record of who looked at or changed what, when and why, and which pupils each read showed. The
 * table refuses updates and deletes (a trigger), so this class can only add and read; its rows are
 * {@link AuditEventStore}'s.
 */
@Service
public class AuditLog {

    /** The most events one search, or one page of it, returns. */
    static final int MOST_FOUND = 500;
    /** The most events one export holds. */
    public static final int MOST_EXPORTED = 50_000;
    private final AuditEventStore events;

    public AuditLog(AuditEventStore events) {
        this.events = events;
    }

    /** One audited event; {@code actor} is null for a sign-in attempt against an unknown account. */
    public record Event(long id, Instant at, String actor, String role, AuditAction action, String subject,
                        String reason, String detail, String outcome, Pupils pupils) {
    }

    /** A search of the log's latest events; null fields match anything. */
    public record Query(String actor, AuditAction action, String subject, Instant from, Instant to, int limit) {
    }

    /**
     * A search of the log; null fields match anything. {@code upn} finds the events that showed or changed the
     * pupil: by their person (current and former UPNs) or by the UPN itself where no person was known.
     */
    public record Search(String actor, AuditAction action, String subject, String upn, Instant from, Instant to) {
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

    public void record(String actor, String role, AuditAction action, String subject, String reason, String detail,
                       String outcome, Pupils pupils) {
        events.add(actor, role, action, subject, reason, detail, outcome, pupils);
    }

    /** A read of pupil-level data, or a refused one ({@code outcome} "refused"), with the pupils it showed. */
    public void read(Actor user, AuditAction action, String subject, String detail, Pupils pupils, String outcome) {
        record(user.username(), user.roleName(), action, subject, null, detail, outcome, pupils);
    }

    /** The newest events first, between one and {@link #MOST_FOUND} of them whatever the query's limit. */
    public List<Event> search(Query query) {
        return search(new Search(query.actor(), query.action(), query.subject(), null, query.from(), query.to()), 1,
                query.limit()).events();
    }

    /** Page {@code page} (from 1) of {@code size} events (1 to {@link #MOST_FOUND}). */
    public Page search(Search query, int page, int size) {
        int shown = Math.max(1, Math.min(size, MOST_FOUND));
        int wanted = Math.max(1, page);
        return new Page(events.search(query, shown, (long) (wanted - 1) * shown), events.count(query), wanted, shown);
    }

    /** Every matching event, newest first, up to {@link #MOST_EXPORTED}. */
    public List<Event> export(Search query) {
        return events.search(query, MOST_EXPORTED, 0);
    }
}
