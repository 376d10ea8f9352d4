package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.AccessReview;
import org.rollbridge.hub.access.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The quarterly access review: who has what, last sign-in, and a keep or disable decision for each dormant account. */
@Hidden
@Controller
public class AccessReviewPage {

    private final AccessReview review;

    public AccessReviewPage(AccessReview review) {
        this.review = review;
    }

    @GetMapping("/admin/access-review")
    public String page(Model model) {
        List<AccessReview.Entry> entries = review.entries();
        model.addAttribute("entries", entries);
        model.addAttribute("dormant", entries.stream().filter(AccessReview.Entry::dormant).toList());
        model.addAttribute("dormantDays", review.dormantDays());
        return "admin-access-review";
    }

    @PostMapping("/admin/access-review")
    public String decide(@RequestParam(name = "disable", required = false) List<String> disable,
                         @RequestParam(required = false) String note, Authentication authentication, Model model,
                         RedirectAttributes redirect) {
        try {
            int n = review.decide(SignedIn.user(authentication), disable == null ? List.of() : disable, note);
            redirect.addFlashAttribute("done", "Review recorded: " + n + " dormant accounts disabled");
            return "redirect:/admin/access-review";
        } catch (Refusal.Invalid e) {
            model.addAttribute("error", e.getMessage());
            return page(model);
        }
    }
}
