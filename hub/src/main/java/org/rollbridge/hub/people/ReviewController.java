package org.rollbridge.hub.people;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.Caller;
import org.rollbridge.hub.access.CredentialFilter;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Clerical review: the records held back, the matching review queue (incoming record and candidate side by side)
 * and the LA's decisions on them. Only the LA administrator decides (the REVIEW_QUEUE capability; on the machine
 * API, the administrator's token).
 */
@RestController
public class ReviewController {

    /** The administrator's token acts for the LA administrator role in the audit log. */
    static final ReviewQueue.Reviewer LA_ADMIN = new ReviewQueue.Reviewer("la-admin", "LA_ADMIN");

    private final JdbcClient db;
    private final PersonIndex persons;
    private final HubProperties settings;
    private final ReviewQueue queue;
    private final AuditLog audit;

    public ReviewController(JdbcClient db, PersonIndex persons, HubProperties settings, ReviewQueue queue,
                            AuditLog audit) {
        this.db = db;
        this.persons = persons;
        this.settings = settings;
        this.queue = queue;
        this.audit = audit;
    }

    /** Open review items, oldest first, each with the incoming record and the candidate field by field. */
    @GetMapping("/api/v1/review-queue")
    public List<ReviewQueue.Item> reviewQueue(@RequestParam(defaultValue = "200") int limit,
                                              HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireAdmin();
        List<ReviewQueue.Item> items = queue.open(limit);
        queue.viewed(LA_ADMIN, "review-queue", items.size() + " open item(s) listed");
        return items;
    }

    /** The reason a person gives for a decision; kept in the audit log. */
    public record DecisionRequest(String reason) {
    }

    @PostMapping("/api/v1/review-queue/{id}/link")
    public Map<String, Object> link(@PathVariable long id, @RequestBody(required = false) DecisionRequest body,
                                    HttpServletRequest request) {
        return decide(id, ReviewQueue.Decision.LINK, body, request);
    }

    @PostMapping("/api/v1/review-queue/{id}/not-a-match")
    public Map<String, Object> notAMatch(@PathVariable long id, @RequestBody(required = false) DecisionRequest body,
                                         HttpServletRequest request) {
        return decide(id, ReviewQueue.Decision.NOT_A_MATCH, body, request);
    }

    @PostMapping("/api/v1/review-queue/{id}/new-person")
    public Map<String, Object> newPerson(@PathVariable long id, @RequestBody(required = false) DecisionRequest body,
                                         HttpServletRequest request) {
        return decide(id, ReviewQueue.Decision.NEW_PERSON, body, request);
    }

    private Map<String, Object> decide(long id, ReviewQueue.Decision decision, DecisionRequest body,
                                       HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireAdmin();
        return queue.decide(id, decision, body == null ? null : body.reason(), LA_ADMIN);
    }

    @GetMapping("/api/v1/held-records")
    public List<Map<String, Object>> held(@RequestParam(defaultValue = "held") String status,
                                          @RequestParam(required = false) String laestab,
                                          HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        if (!caller.admin()) {
            laestab = caller.laestab();
        }
        return db.sql("""
                select id, batch_id as "batchId", laestab, feed, location, reason, detail, status,
                       created_at as "createdAt"
                from held_records where la = ? and status = ? and (?::text is null or laestab = ?)
                order by id limit 1000""")
                .params(settings.la(), status, laestab, laestab).query().listOfRows();
    }

    /** The LA confirms the pupil of a held record is new to it: a person is created and their records released. */
    @PostMapping("/api/v1/held-records/{id}/confirm-new-person")
    @Transactional
    public Map<String, Object> confirmNewPerson(@PathVariable long id, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        Map<String, Object> held = db.sql("select upn, reason, status from held_records where la = ? and id = ?")
                .params(settings.la(), id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No held record " + id));
        if (!"held".equals(held.get("status")) || held.get("upn") == null
                || !List.of("UNMATCHED", "REVIEW").contains(held.get("reason"))) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Held record " + id + " is " + held.get("status")
                    + " (" + held.get("reason") + "); only an unmatched or review record can become a new person");
        }
        String upn = (String) held.get("upn");
        if (persons.byUpn(upn).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "A person with this UPN already exists; link the record to that person instead");
        }
        long person = persons.register(new PersonIndex.Person(null, upn, List.of(), null, null, null, null, null,
                null), "review", caller.name());
        db.sql("update review_queue set status = 'new_person', decided_by = ?, decided_at = now() "
                + "where held_record_id = ? and status = 'open'").params(caller.name(), id).update();
        audit.record(LA_ADMIN.name(), LA_ADMIN.role(), AuditAction.REVIEW_DECISION, "held:" + id, null,
                "confirm-new-person: person " + person + " created", "ok");
        return Map.of("personId", person, "heldRecordId", id, "status", "released");
    }
}
