package org.rollbridge.hub.alerts;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.Caller;
import org.rollbridge.hub.access.CredentialFilter;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert queue for machines: the LA administrator's token works the whole LA's queue; a school's credential
 * reads its own school's cases, as its data manager would on the pages, and decides nothing. The nightly run can be
 * started by the administrator.
 */
@RestController
public class AlertController {

    private final AlertDecisions decisions;
    private final NightlyAlerts nightly;
    private final HubProperties settings;

    public AlertController(AlertDecisions decisions, NightlyAlerts nightly, HubProperties settings) {
        this.decisions = decisions;
        this.nightly = nightly;
        this.settings = settings;
    }

    /** A decision's body: who to assign to (assign only) and why (required to resolve). */
    public record Decision(String assignedTo, String reason) {
    }

    @Operation(summary = "Alert cases the caller may see, newest first (at most 500)", description = "kind: an "
            + "alert kind (e.g. CONSECUTIVE_ABSENCE_10); status: open, raised, assigned, acknowledged or resolved; "
            + "laestab: a school; assignedTo: a user name. The administrator sees the LA's cases, a school its own.")
    @GetMapping("/api/v1/alerts")
    public Map<String, Object> list(@RequestParam(required = false) String kind,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String laestab,
                                    @RequestParam(required = false) String assignedTo, HttpServletRequest request) {
        List<AlertCaseQuery.Case> found = decisions.queue(viewer(request),
                new AlertCaseQuery.Filter(kind, status, laestab, assignedTo));
        return Map.of("alerts", found.stream().map(AlertController::json).toList());
    }

    @Operation(summary = "One alert case with its history")
    @GetMapping("/api/v1/alerts/{id}")
    public Map<String, Object> one(@PathVariable long id, HttpServletRequest request) {
        Map<String, Object> body = json(decisions.view(viewer(request), id));
        body.put("history", decisions.history(id));
        return body;
    }

    @Operation(summary = "Assign an open case to a user who works the alert queues (administrator)",
            description = "Body: {\"assignedTo\": \"user name\", \"reason\": \"optional\"}. 409 when the case is "
                    + "resolved; 400 when the user does not work the queues.")
    @PostMapping("/api/v1/alerts/{id}/assign")
    public Map<String, Object> assign(@PathVariable long id, @RequestBody Decision decision,
                                      HttpServletRequest request) {
        return json(decisions.assign(viewer(request), id, decision.assignedTo(), decision.reason()));
    }

    @Operation(summary = "Acknowledge a raised or assigned case (administrator); 409 otherwise")
    @PostMapping("/api/v1/alerts/{id}/acknowledge")
    public Map<String, Object> acknowledge(@PathVariable long id, @RequestBody(required = false) Decision decision,
                                           HttpServletRequest request) {
        return json(decisions.acknowledge(viewer(request), id, decision == null ? null : decision.reason()));
    }

    @Operation(summary = "Resolve an open case with a reason (administrator)", description = "Body: "
            + "{\"reason\": \"...\"} (required, 400 without). 409 when already resolved. The same evidence does not "
            + "raise the case again; a new episode or a worse situation raises a new case.")
    @PostMapping("/api/v1/alerts/{id}/resolve")
    public Map<String, Object> resolve(@PathVariable long id, @RequestBody(required = false) Decision decision,
                                       HttpServletRequest request) {
        return json(decisions.resolve(viewer(request), id, decision == null ? null : decision.reason()));
    }

    @Operation(summary = "Run the nightly alert recompute now for the whole LA (administrator)",
            description = "Runs in the request; the run is recorded in job_runs and returned.")
    @PostMapping("/api/v1/jobs/nightly")
    public NightlyAlerts.Run runNightly(HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireAdmin();
        return nightly.run();
    }

    private AlertAccess.Viewer viewer(HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        return caller.admin() ? new AlertAccess.Viewer(caller.name(), Role.LA_ADMIN, Organisation.la(settings.la()))
                : new AlertAccess.Viewer(caller.name(), Role.SCHOOL_DATA_MANAGER, Organisation.school(caller.laestab()));
    }

    static Map<String, Object> json(AlertCaseQuery.Case c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("url", "/api/v1/alerts/" + c.id());
        m.put("personId", c.personId());
        m.put("kind", c.kind());
        m.put("description", c.description());
        m.put("laestab", c.laestab());
        m.put("status", c.status());
        m.put("detail", c.detail());
        m.put("severity", c.severity());
        m.put("figure", c.figure());
        m.put("figureUnit", c.figureUnit());
        m.put("firstEvidence", c.firstEvidence());
        m.put("lastEvidence", c.lastEvidence());
        m.put("dueOn", c.dueOn());
        m.put("responsible", c.responsible());
        m.put("raisedAt", c.raisedAt());
        m.put("assignedTo", c.assignedTo());
        m.put("assignedAt", c.assignedAt());
        m.put("acknowledgedAt", c.acknowledgedAt());
        m.put("resolvedAt", c.resolvedAt());
        m.put("resolution", c.resolution());
        m.put("updatedAt", c.updatedAt());
        return m;
    }
}
