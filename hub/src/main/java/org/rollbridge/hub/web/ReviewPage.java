package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.rollbridge.core.matching.ReviewDecision;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
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
 * The matching review queue for people: the open items, and one item with the incoming record and the candidate
 * side by side, field agreement tagged, and the three decisions as forms that each require a reason.
 */
@Hidden
@Controller
public class ReviewPage {

    private final ReviewQueue queue;

    public ReviewPage(ReviewQueue queue) {
        this.queue = queue;
    }

    private static ReviewQueue.Reviewer reviewer(Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        return new ReviewQueue.Reviewer(user.username(), user.role().name());
    }

    @GetMapping("/review")
    public String list(@RequestParam(required = false) Long decided, Authentication authentication, Model model) {
        List<ReviewQueue.Item> items = queue.open(200);
        queue.viewed(reviewer(authentication), "review-queue", items.size() + " open item(s) listed", items);
        model.addAttribute("items", items);
        model.addAttribute("decided", decided);
        return "review-queue";
    }

    @GetMapping("/review/{id}")
    public String item(@PathVariable long id, Authentication authentication, Model model) {
        return show(id, null, null, authentication, model);
    }

    @PostMapping("/review/{id}/{decision}")
    public String decide(@PathVariable long id, @PathVariable String decision,
                         @RequestParam(required = false) String reason, Authentication authentication, Model model,
                         HttpServletResponse response) {
        ReviewDecision d = ReviewDecision.ofPath(decision)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No decision '" + decision
                        + "': choose link, not-a-match or new-person"));
        try {
            queue.decide(id, d, reason, reviewer(authentication));
        } catch (Refusal.Invalid noReason) {
            // The decision's own rule (core's ReviewDecision) refused it; the form says so next to the field.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id, d.path(), "Enter a reason for your decision", authentication, model);
        }
        return "redirect:/review?decided=" + id;
    }

    private String show(long id, String failedDecision, String error, Authentication authentication, Model model) {
        ReviewQueue.Item item = queue.item(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no review item " + id + "; it may have been removed"));
        queue.viewed(reviewer(authentication), "review:" + id, "held record " + item.heldRecordId(), List.of(item));
        model.addAttribute("item", item);
        model.addAttribute("failedDecision", failedDecision);
        model.addAttribute("error", error);
        return "review-item";
    }
}
