package org.rollbridge.hub.people;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.matching.ReviewDecision;
import org.rollbridge.hub.access.Caller;
import org.rollbridge.hub.access.CredentialFilter;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.hub.ingest.HeldRecordQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clerical review: the records held back, the matching review queue (incoming record and candidate side by side)
 * and the LA's decisions on them. Only the LA administrator decides (the REVIEW_QUEUE capability; on the machine
 * API, the administrator's token).
 */
@RestController
public class ReviewController {

    private final HeldRecordQuery heldRecords;
    private final ReviewQueue queue;
    private final AuditLog audit;

    public ReviewController(HeldRecordQuery heldRecords, ReviewQueue queue, AuditLog audit) {
        this.heldRecords = heldRecords;
        this.queue = queue;
        this.audit = audit;
    }

    /** The administrator calling, as the audit log names them: their personal token's user. */
    private static ReviewQueue.Reviewer administrator(HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        return new ReviewQueue.Reviewer(caller.username(), caller.roleName());
    }

    /** Open review items, oldest first, each with the incoming record and the candidate field by field. */
    @GetMapping("/api/v1/review-queue")
    public List<ReviewQueue.Item> reviewQueue(@RequestParam(defaultValue = "200") int limit,
                                              HttpServletRequest request) {
        ReviewQueue.Reviewer reviewer = administrator(request);
        List<ReviewQueue.Item> items = queue.open(limit);
        queue.viewed(reviewer, "review-queue", items.size() + " open item(s) listed", items);
        return items;
    }

    /** The reason a person gives for a decision; kept in the audit log. */
    public record DecisionRequest(String reason) {
    }

    @PostMapping("/api/v1/review-queue/{id}/link")
    public Map<String, Object> link(@PathVariable long id, @RequestBody(required = false) DecisionRequest body,
                                    HttpServletRequest request) {
        return decide(id, ReviewDecision.LINK, body, request);
    }

    @PostMapping("/api/v1/review-queue/{id}/not-a-match")
    public Map<String, Object> notAMatch(@PathVariable long id, @RequestBody(required = false) DecisionRequest body,
                                         HttpServletRequest request) {
        return decide(id, ReviewDecision.NOT_A_MATCH, body, request);
    }

    @PostMapping("/api/v1/review-queue/{id}/new-person")
    public Map<String, Object> newPerson(@PathVariable long id, @RequestBody(required = false) DecisionRequest body,
                                         HttpServletRequest request) {
        return decide(id, ReviewDecision.NEW_PERSON, body, request);
    }

    private Map<String, Object> decide(long id, ReviewDecision decision, DecisionRequest body,
                                       HttpServletRequest request) {
        return queue.decide(id, decision, body == null ? null : body.reason(), administrator(request));
    }

    @GetMapping("/api/v1/held-records")
    public List<Map<String, Object>> held(@RequestParam(defaultValue = "held") String status,
                                          @RequestParam(required = false) String laestab,
                                          HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        if (!caller.admin()) {
            laestab = caller.laestab();
        }
        List<Map<String, Object>> rows = heldRecords.withStatus(status, laestab, !caller.admin());
        audit.read(caller, AuditAction.VIEW_HELD, laestab == null ? "held-records" : "school:" + laestab,
                status + " records, " + rows.size() + " listed", Pupils.upns(rows.stream()
                        .map(r -> (String) r.get("upn")).toList()), "ok");
        return rows;
    }

    /**
     * The LA confirms the pupil of a held record is new to it: a person is made from the held record and their
     * records released. The same decision, with the same rules, as "new person" on a review item; it needs a reason.
     */
    @Operation(summary = "The pupil of a held record is new to the LA (administrator)", description = "Body: "
            + "{\"reason\": \"...\"} (required, 400 without; kept in the audit log). A person is made from the held "
            + "record and every record held for their UPN is released. 409 when the record is not held as unmatched "
            + "or for review, or its UPN already leads to a person.")
    @PostMapping("/api/v1/held-records/{id}/confirm-new-person")
    public Map<String, Object> confirmNewPerson(@PathVariable long id,
                                                @RequestBody(required = false) DecisionRequest body,
                                                HttpServletRequest request) {
        return queue.newPersonFor(id, body == null ? null : body.reason(), administrator(request));
    }
}
