package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.indicators.alerts.AlertId;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.alerts.AlertAccess;
import org.rollbridge.hub.alerts.AlertCaseQuery;
import org.rollbridge.hub.alerts.AlertDecisions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alert queues: open cases per alert type, a queue per type with filters, and a case page with its evidence,
 * history and the forms to assign, acknowledge and resolve (with a reason). Invalid input comes back to the case
 * page as a GOV.UK error summary, not an error page.
 */
@Hidden
@Controller
public class AlertPages {

    private final AlertDecisions decisions;

    public AlertPages(AlertDecisions decisions) {
        this.decisions = decisions;
    }

    static AlertAccess.Viewer viewer(HubUser user) {
        return new AlertAccess.Viewer(user.username(), user.role(), user.organisation());
    }

    @GetMapping("/alerts")
    public String alerts(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                         @RequestParam(required = false) String laestab,
                         @RequestParam(required = false) String mine, Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        AlertAccess.Viewer viewer = viewer(user);
        model.addAttribute("canAct", user.may(Capability.ALERT_QUEUE));
        model.addAttribute("canExport", user.may(Capability.PUPIL_EXPORT));
        if (kind == null || kind.isBlank()) {
            Map<String, Long> counts = decisions.openCounts(viewer);
            Map<AlertId, Long> byKind = new LinkedHashMap<>();
            for (AlertId id : AlertId.values()) {
                byKind.put(id, counts.getOrDefault(id.name(), 0L));
            }
            model.addAttribute("counts", byKind);
            return "alerts";
        }
        String shownStatus = status == null ? "open" : status;
        boolean assignedToMe = mine != null && !mine.isBlank();
        // An unknown kind or status is refused by the decisions (Refusal.Invalid: a 400 page).
        List<AlertCaseQuery.Case> found = decisions.queue(viewer, new AlertCaseQuery.Filter(kind, shownStatus, laestab,
                assignedToMe ? user.username() : null));
        model.addAttribute("cases", found);
        model.addAttribute("kind", AlertId.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT)));
        model.addAttribute("status", shownStatus);
        model.addAttribute("laestab", laestab == null ? "" : laestab);
        model.addAttribute("mine", assignedToMe);
        return "alert-queue";
    }

    @GetMapping("/alerts/{id}")
    public String alert(@PathVariable long id, Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        AlertCaseQuery.Case c = decisions.view(viewer(user), id);
        model.addAttribute("alert", c);
        model.addAttribute("history", decisions.history(id));
        model.addAttribute("canAct", user.may(Capability.ALERT_QUEUE) && !c.status().equals("resolved"));
        model.addAttribute("canAcknowledge", c.status().equals("raised") || c.status().equals("assigned"));
        model.addAttribute("me", user.username());
        return "alert";
    }

    @PostMapping("/alerts/{id}/assign")
    public String assign(@PathVariable long id, @RequestParam(required = false) String assignedTo,
                         @RequestParam(required = false) String reason, Authentication authentication,
                         RedirectAttributes redirect) {
        return decide(id, redirect, "assignedTo", () ->
                decisions.assign(viewer(SignedIn.user(authentication)), id, assignedTo, reason), "Case assigned");
    }

    @PostMapping("/alerts/{id}/acknowledge")
    public String acknowledge(@PathVariable long id, @RequestParam(required = false) String reason,
                              Authentication authentication, RedirectAttributes redirect) {
        return decide(id, redirect, "acknowledge-reason", () ->
                decisions.acknowledge(viewer(SignedIn.user(authentication)), id, reason), "Case acknowledged");
    }

    @PostMapping("/alerts/{id}/resolve")
    public String resolve(@PathVariable long id, @RequestParam(required = false) String reason,
                          Authentication authentication, RedirectAttributes redirect) {
        return decide(id, redirect, "resolve-reason", () ->
                decisions.resolve(viewer(SignedIn.user(authentication)), id, reason), "Case resolved");
    }

    /** Runs a decision; a bad input goes back to the case page with the message next to the field. */
    private static String decide(long id, RedirectAttributes redirect, String field, Runnable decision,
                                 String done) {
        try {
            decision.run();
            redirect.addFlashAttribute("done", done);
        } catch (Refusal.Invalid e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorField", field);
        }
        return "redirect:/alerts/" + id;
    }
}
