package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rollbridge.core.matching.ReviewDecision;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.hub.ingest.HeldRecordQuery;
import org.rollbridge.hub.people.ReviewQueue;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The matching review queue for people: the open items, the records held as unmatched that their school answered
 * the LA's question about, and one item with the incoming record and the candidate side by side (each field's
 * comparison level tagged, the school's answer beside them) and the decision as one question with one reason.
 */
@Hidden
@Controller
public class ReviewPage {

    static final int ANSWERED_SHOWN = 200;

    private final ReviewQueue queue;
    private final HeldRecordQuery held;
    private final AuditLog audit;
    private final SchoolQuery schools;

    public ReviewPage(ReviewQueue queue, HeldRecordQuery held, AuditLog audit, SchoolQuery schools) {
        this.queue = queue;
        this.held = held;
        this.audit = audit;
        this.schools = schools;
    }

    /** A problem with the decision form: the field it concerns and the message beside it. */
    public record Problem(String field, String message) {
    }

    private static ReviewQueue.Reviewer reviewer(Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        return new ReviewQueue.Reviewer(user.username(), user.role().name());
    }

    @GetMapping("/review")
    public String list(@RequestParam(required = false) Long decided, @RequestParam(required = false) Long person,
                       Authentication authentication, Model model) {
        List<ReviewQueue.Item> items = queue.open(200);
        queue.viewed(reviewer(authentication), "review-queue", items.size() + " open item(s) listed", items);
        List<HeldRecordQuery.Held> answered = held.answeredUnmatched(ANSWERED_SHOWN);
        if (!answered.isEmpty()) {
            audit.read(SignedIn.user(authentication), AuditAction.VIEW_HELD, "held-records",
                    answered.size() + " unmatched record(s) the schools answered about listed",
                    Pupils.upns(answered.stream().map(HeldRecordQuery.Held::upn).toList()), "ok");
        }
        model.addAttribute("items", items);
        model.addAttribute("answered", answered);
        model.addAttribute("decided", decided);
        model.addAttribute("person", person);
        return "review-queue";
    }

    @GetMapping("/review/{id}")
    public String item(@PathVariable long id, Authentication authentication, Model model) {
        return show(id, null, null, List.of(), authentication, model);
    }

    /** The one decision form: which decision, and one reason for it. */
    @PostMapping("/review/{id}")
    public String decide(@PathVariable long id, @RequestParam(required = false) String decision,
                         @RequestParam(required = false) String reason, Authentication authentication, Model model,
                         HttpServletResponse response) {
        Optional<ReviewDecision> chosen = decision == null ? Optional.empty() : ReviewDecision.ofPath(decision);
        List<Problem> problems = new ArrayList<>();
        if (chosen.isEmpty()) {
            problems.add(new Problem("decision", "Select link to this person, not a match or new person"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new Problem("reason", "Enter a reason for your decision"));
        }
        if (problems.isEmpty()) {
            try {
                queue.decide(id, chosen.get(), reason, reviewer(authentication));
                return "redirect:/review?decided=" + id;
            } catch (Refusal.Invalid refused) {
                // The decision's own rule (core's ReviewDecision) refused it; the form says so next to the reason.
                problems.add(new Problem("reason", refused.getMessage()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(id, decision, reason, problems, authentication, model);
    }

    /** The decision posted to its own address, as the earlier forms did; the same rules as {@link #decide}. */
    @PostMapping("/review/{id}/{decision}")
    public String decideAt(@PathVariable long id, @PathVariable String decision,
                           @RequestParam(required = false) String reason, Authentication authentication, Model model,
                           HttpServletResponse response) {
        if (ReviewDecision.ofPath(decision).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No decision '" + decision
                    + "': choose link, not-a-match or new-person");
        }
        return decide(id, decision, reason, authentication, model, response);
    }

    /** A record held as unmatched, with its school's answer, and the one decision it allows here: a new person. */
    @GetMapping("/review/held/{id}")
    public String heldRecord(@PathVariable long id, Authentication authentication, Model model) {
        return showHeld(id, null, null, authentication, model);
    }

    @PostMapping("/review/held/{id}/new-person")
    public String newPerson(@PathVariable long id, @RequestParam(required = false) String reason,
                            Authentication authentication, Model model, HttpServletResponse response) {
        try {
            queue.newPersonFor(id, reason, reviewer(authentication));
            return "redirect:/review?person=" + id;
        } catch (Refusal.Invalid refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showHeld(id, reason, refused.getMessage(), authentication, model);
        }
    }

    private String showHeld(long id, String reason, String problem, Authentication authentication, Model model) {
        HeldRecordQuery.Held record = held.stillHeld(id).filter(h -> "UNMATCHED".equals(h.reason()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "There is no record " + id + " held as unmatched; it may have been released"));
        audit.read(SignedIn.user(authentication), AuditAction.VIEW_HELD, "held:" + id, "held record " + id,
                Pupils.upns(record.upn() == null ? List.of() : List.of(record.upn())), "ok");
        model.addAttribute("record", record);
        model.addAttribute("school", schools.label(record.laestab()));
        model.addAttribute("reason", reason);
        model.addAttribute("problems", problem == null ? List.of() : List.of(new Problem("reason", problem)));
        model.addAttribute("reasonProblem", problem);
        return "review-held";
    }

    private String show(long id, String decision, String reason, List<Problem> problems,
                        Authentication authentication, Model model) {
        ReviewQueue.Item item = queue.item(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no review item " + id + "; it may have been removed"));
        queue.viewed(reviewer(authentication), "review:" + id, "held record " + item.heldRecordId(), List.of(item));
        model.addAttribute("item", item);
        model.addAttribute("school", schools.label(item.laestab()));
        model.addAttribute("decisions", ReviewDecision.values());
        model.addAttribute("decision", decision);
        model.addAttribute("reason", reason);
        model.addAttribute("problems", problems);
        model.addAttribute("decisionProblem", problems.stream().filter(p -> p.field().equals("decision"))
                .map(Problem::message).findFirst().orElse(null));
        model.addAttribute("reasonProblem", problems.stream().filter(p -> p.field().equals("reason"))
                .map(Problem::message).findFirst().orElse(null));
        return "review-item";
    }
}
