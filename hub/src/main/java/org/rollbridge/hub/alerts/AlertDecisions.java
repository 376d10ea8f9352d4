package org.rollbridge.hub.alerts;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.Users;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.core.indicators.alerts.AlertId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API and the pages share: the queue as a viewer may see it, and the officers' decisions on a case, each
 * written with its audit row in one transaction (a decision is never made without its record, nor recorded without
 * being made).
 */
@Service
public class AlertDecisions {

    static final Set<String> STATUSES = Set.of("open", "raised", "assigned", "acknowledged", "resolved");
    private static final int LIMIT = 500;

    private final AlertCases cases;
    private final AlertCaseQuery query;
    private final AlertAccess access;
    private final AuditLog audit;
    private final Users users;

    public AlertDecisions(AlertCases cases, AlertCaseQuery query, AlertAccess access, AuditLog audit, Users users) {
        this.cases = cases;
        this.query = query;
        this.access = access;
        this.audit = audit;
        this.users = users;
    }

    /** The queue: cases matching the filter that the viewer may see, newest first, audited as a search. */
    public List<AlertCaseQuery.Case> queue(AlertAccess.Viewer viewer, AlertCaseQuery.Filter filter) {
        filter = check(filter);
        List<AlertCaseQuery.Case> shown = access.visible(viewer, query.list(filter, access.scope(viewer), LIMIT));
        audit.record(viewer.name(), viewer.role().name(), AuditAction.SEARCH, "alert-queue", null,
                "alert queue kind=" + filter.kind() + " status=" + filter.status() + " laestab=" + filter.laestab()
                        + " assignedTo=" + filter.assignedTo() + ": " + shown.size() + " case(s)", "ok",
                Pupils.persons(shown.stream().map(AlertCaseQuery.Case::personId).toList()));
        return shown;
    }

    /** Open cases per kind the viewer's scope holds. */
    public java.util.Map<String, Long> openCounts(AlertAccess.Viewer viewer) {
        return query.openCounts(access.scope(viewer));
    }

    /** One case the viewer may see (404 otherwise, so nothing leaks by status), audited as a view of the pupil. */
    public AlertCaseQuery.Case view(AlertAccess.Viewer viewer, long id) {
        java.util.Optional<AlertCaseQuery.Case> found = query.find(id);
        if (found.isEmpty() || !access.mayView(viewer, found.get())) {
            found.ifPresent(c -> audit.record(viewer.name(), viewer.role().name(), AuditAction.VIEW_PUPIL,
                    "person:" + c.personId(), null, "alert case " + id + ", not visible to the user", "refused",
                    Pupils.person(c.personId())));
            throw new Refusal.NotFound("There is no alert case " + id + " that you can see");
        }
        AlertCaseQuery.Case c = found.get();
        audit.record(viewer.name(), viewer.role().name(), AuditAction.VIEW_PUPIL, "person:" + c.personId(), null,
                "alert case " + id, "ok", Pupils.person(c.personId()));
        return c;
    }

    public List<AlertCaseQuery.Event> history(long id) {
        return query.history(id);
    }

    @Transactional
    public AlertCaseQuery.Case assign(AlertAccess.Viewer viewer, long id, String assignee, String reason) {
        mayDecide(viewer, id);
        String username = assignee == null ? "" : assignee.strip();
        if (username.isEmpty()) {
            throw new Refusal.Invalid("Say who the case is assigned to: 'assignedTo' is a user name");
        }
        boolean officer = users.account(username).filter(Users.Account::enabled)
                .filter(a -> a.user().may(Capability.ALERT_QUEUE)).isPresent();
        if (!officer) {
            throw new Refusal.Invalid("'" + username + "' is not an enabled user whose role works the alert "
                    + "queues; assign the case to an LA attendance officer, CME officer or administrator");
        }
        AlertCaseQuery.Case c = cases.assign(id, username, viewer.name());
        record(viewer, c, "assigned to " + username, reason);
        return c;
    }

    @Transactional
    public AlertCaseQuery.Case acknowledge(AlertAccess.Viewer viewer, long id, String reason) {
        mayDecide(viewer, id);
        AlertCaseQuery.Case c = cases.acknowledge(id, viewer.name());
        record(viewer, c, "acknowledged", reason);
        return c;
    }

    @Transactional
    public AlertCaseQuery.Case resolve(AlertAccess.Viewer viewer, long id, String reason) {
        mayDecide(viewer, id);
        if (reason == null || reason.isBlank()) {
            throw new Refusal.Invalid("Give the reason the case is resolved (for example 'pupil back in "
                    + "school from 3 November'); it is kept with the case and in the audit log");
        }
        AlertCaseQuery.Case c = cases.resolve(id, reason.strip(), viewer.name());
        record(viewer, c, "resolved", reason.strip());
        return c;
    }

    private void mayDecide(AlertAccess.Viewer viewer, long id) {
        if (!viewer.role().may(Capability.ALERT_QUEUE)) {
            throw new Refusal.NotAllowed("Your role may see alerts but not act on them");
        }
        query.find(id).filter(found -> access.mayView(viewer, found))
                .orElseThrow(() -> new Refusal.NotFound("There is no alert case " + id + " that you can see"));
    }

    private void record(AlertAccess.Viewer viewer, AlertCaseQuery.Case c, String what, String reason) {
        audit.record(viewer.name(), viewer.role().name(), AuditAction.ALERT_DECISION, "alert:" + c.id(),
                reason == null || reason.isBlank() ? null : reason.strip(),
                c.kind() + " for person:" + c.personId() + " " + what, "ok");
    }

    private static AlertCaseQuery.Filter check(AlertCaseQuery.Filter f) {
        String kind = f.kind() == null || f.kind().isBlank() ? null : f.kind().strip().toUpperCase(Locale.ROOT);
        if (kind != null) {
            try {
                AlertId.valueOf(f.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refusal.Invalid("kind '" + f.kind() + "' is not an alert kind; use one of "
                        + List.of(AlertId.values()));
            }
        }
        if (f.status() != null && !f.status().isBlank() && !STATUSES.contains(f.status().strip())) {
            throw new Refusal.Invalid("status '" + f.status() + "' is not a case status; use one of "
                    + "open, raised, assigned, acknowledged, resolved");
        }
        if (f.laestab() != null && !f.laestab().isBlank() && !f.laestab().strip().matches("\\d{7}")) {
            throw new Refusal.Invalid("laestab '" + f.laestab() + "' is not a 7-digit LAESTAB, e.g. 9262001");
        }
        return new AlertCaseQuery.Filter(kind, f.status(), f.laestab(), f.assignedTo());
    }
}
