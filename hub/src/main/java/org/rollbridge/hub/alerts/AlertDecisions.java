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
    public static final int PAGE_SIZE = 50;

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
        audited(viewer, filter, shown.size() + " case(s)", shown.stream().map(AlertCaseQuery.Case::personId).toList());
        return shown;
    }

    /** One page of a queue: its cases the viewer may see, how many match in all, the page and the number of pages. */
    public record Queue(List<AlertCaseQuery.Listed> cases, long total, int page, int pages) {
    }

    /**
     * A page of the queue in the order asked ({@link #PAGE_SIZE} cases, the last page when {@code page} is past
     * it), audited as a search. Cases the viewer may no longer see (a pupil who left long ago) are left off the page.
     */
    public Queue queue(AlertAccess.Viewer viewer, AlertCaseQuery.Filter filter, AlertCaseQuery.Order order,
                       int page) {
        filter = check(filter);
        AlertCaseQuery.Scope scope = access.scope(viewer);
        long total = query.count(filter, scope);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        List<AlertCaseQuery.Listed> rows = query.page(filter, scope, order, (shown - 1) * PAGE_SIZE, PAGE_SIZE);
        Set<Long> visible = access.visible(viewer, rows.stream().map(AlertCaseQuery.Listed::c).toList()).stream()
                .map(AlertCaseQuery.Case::id).collect(java.util.stream.Collectors.toSet());
        List<AlertCaseQuery.Listed> cases = rows.stream().filter(r -> visible.contains(r.c().id())).toList();
        audited(viewer, filter, order + " page " + shown + ": " + cases.size() + " case(s)",
                cases.stream().map(r -> r.c().personId()).toList());
        return new Queue(cases, total, shown, pages);
    }

    /** A queue read is a search: audited with its filter and the pupils it showed. */
    private void audited(AlertAccess.Viewer viewer, AlertCaseQuery.Filter filter, String page, List<Long> persons) {
        audit.record(viewer.name(), viewer.role().name(), AuditAction.SEARCH, "alert-queue", null,
                "alert queue kind=" + filter.kind() + " status=" + filter.status() + " laestab=" + filter.laestab()
                        + " assignedTo=" + filter.assignedTo()
                        + (filter.ncYear() == null ? "" : " ncYear=" + filter.ncYear())
                        + (filter.unassigned() ? " unassigned" : "")
                        + (filter.overdueOn() == null ? "" : " overdueOn=" + filter.overdueOn())
                        + " " + page, "ok", Pupils.persons(persons));
    }

    /** Assigns every case to one officer in one transaction: all of them, or none when one may not be. */
    @Transactional
    public int assignAll(AlertAccess.Viewer viewer, List<Long> ids, String assignee, String reason) {
        if (ids == null || ids.isEmpty()) {
            throw new Refusal.Invalid("Select the cases to assign: tick them in the list");
        }
        for (long id : ids) {
            assign(viewer, id, assignee, reason);
        }
        return ids.size();
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
        if (f.ncYear() != null && !f.ncYear().isBlank() && !f.ncYear().strip().matches("[A-Za-z0-9]{1,2}")) {
            throw new Refusal.Invalid("year group '" + f.ncYear() + "' is not a National Curriculum year, e.g. 7 or R");
        }
        return new AlertCaseQuery.Filter(kind, f.status(), f.laestab(), f.assignedTo(),
                f.ncYear() == null || f.ncYear().isBlank() ? null : f.ncYear().strip(), f.unassigned(), f.overdueOn());
    }
}
