package org.rollbridge.hub.retention;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.Caller;
import org.rollbridge.hub.access.CredentialFilter;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Retention on the machine API, for the LA administrator's token only: runs, legal holds, a person's status. */
@RestController
public class RetentionController {

    private final RetentionRun run;
    private final RetentionRunStore runs;
    private final LegalHolds holds;
    private final RetentionStatus status;

    private final AuditLog audit;

    public RetentionController(RetentionRun run, RetentionRunStore runs, LegalHolds holds, RetentionStatus status,
                               AuditLog audit) {
        this.audit = audit;
        this.run = run;
        this.runs = runs;
        this.holds = holds;
        this.status = status;
    }

    public record RunRequest(LocalDate asOf, Boolean dryRun) {
    }

    public record HoldRequest(Long personId, String reason, LocalDate reviewOn) {
    }

    public record ReleaseRequest(String reason) {
    }

    @GetMapping("/api/v1/retention/runs")
    public List<RetentionRunStore.RecordedRun> runs(@RequestParam(defaultValue = "20") int limit, HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireAdmin();
        return runs.latest(Math.max(1, Math.min(limit, 200)));
    }

    /** Runs now (a dry run unless {@code dryRun} is false), as of today or the day given. */
    @PostMapping("/api/v1/retention/runs")
    public RetentionReport start(@RequestBody(required = false) RunRequest body, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        LocalDate asOf = body == null || body.asOf() == null ? run.today() : body.asOf();
        boolean dry = body == null || body.dryRun() == null || body.dryRun();
        return run.run(asOf, dry, caller.name());
    }

    @GetMapping("/api/v1/retention/holds")
    public List<LegalHoldStore.Hold> holds(HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        List<LegalHoldStore.Hold> active = holds.active();
        // The holds name the people on them: a read of pupil-level data, audited with them.
        audit.read(caller, AuditAction.VIEW_PUPIL, "legal-holds", active.size() + " legal hold(s) through the API",
                Pupils.persons(active.stream().map(LegalHoldStore.Hold::personId).toList()), "ok");
        return active;
    }

    @PostMapping("/api/v1/retention/holds")
    @ResponseStatus(HttpStatus.CREATED)
    public LegalHoldStore.Hold hold(@RequestBody HoldRequest body, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        if (body.personId() == null) {
            throw new Refusal.Invalid("personId is required");
        }
        return holds.hold(body.personId(), body.reason(), body.reviewOn(), caller.name(), "LA_ADMIN", run.today());
    }

    @PostMapping("/api/v1/retention/holds/{id}/release")
    public LegalHoldStore.Hold release(@PathVariable long id, @RequestBody(required = false) ReleaseRequest body,
                                       HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        return holds.release(id, body == null ? null : body.reason(), caller.name(), "LA_ADMIN");
    }

    @GetMapping("/api/v1/persons/{id}/retention")
    public RetentionStatus.PersonRetentionStatus person(@PathVariable long id, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        RetentionStatus.PersonRetentionStatus found = status.of(id, run.today()).orElseThrow(() ->
                new Refusal.NotFound("There is no person " + id + " in the LA's index"));
        audit.read(caller, AuditAction.VIEW_PUPIL, "person:" + id, "retention status through the API",
                Pupils.person(id), "ok");
        return found;
    }
}
