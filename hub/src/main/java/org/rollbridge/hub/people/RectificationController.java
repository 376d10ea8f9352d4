package org.rollbridge.hub.people;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rectification on the machine API, for the LA administrator's token: record a correction, list a person's. */
@RestController
public class RectificationController {

    private final Rectifications rectifications;
    private final RectificationQuery query;

    private final AuditLog audit;

    public RectificationController(Rectifications rectifications, RectificationQuery query, AuditLog audit) {
        this.audit = audit;
        this.rectifications = rectifications;
        this.query = query;
    }

    /** The field ({@code forename}, {@code surname}, {@code dob}, {@code sex}, {@code postcode}), its correct value, why, and on what evidence. */
    public record RectificationRequest(String field, String value, String reason, String evidence) {
    }

    @Operation(summary = "Correct a person's record (administrator)", description = "Body: {\"field\": \"forename\" | "
            + "\"surname\" | \"dob\" | \"sex\" | \"postcode\", \"value\", \"reason\", \"evidence\"}. The correction is "
            + "shown in place of the school's value until that school sends a different one (docs/retention.md). "
            + "400 for a field that cannot be corrected, a wrong value, or no reason or evidence; 404 for an unknown "
            + "person.")
    @PostMapping("/api/v1/persons/{id}/rectifications")
    @ResponseStatus(HttpStatus.CREATED)
    public RectificationQuery.Rectification record(@PathVariable long id,
                                                   @RequestBody(required = false) RectificationRequest body,
                                                   HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        if (body == null) {
            throw new Refusal.Invalid("Send the correction as {\"field\", \"value\", \"reason\", \"evidence\"}");
        }
        return rectifications.record(id, body.field(), body.value(), body.reason(), body.evidence(), caller.name(),
                "LA_ADMIN");
    }

    @Operation(summary = "A person's corrections, newest first, with their provenance and status (administrator)")
    @GetMapping("/api/v1/persons/{id}/rectifications")
    public List<RectificationQuery.Rectification> ofPerson(@PathVariable long id, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        List<RectificationQuery.Rectification> found = query.ofPerson(id);
        // Each correction holds a value of the person's record, the old and the new: audited as a read of them.
        audit.read(caller, AuditAction.VIEW_PUPIL, "person:" + id, found.size()
                + " correction(s) through the API", Pupils.person(id), "ok");
        return found;
    }
}
