package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** After sign-in: the pages this user's role may open, and nothing else. */
@Hidden
@Controller
public class HomePage {

    static final Map<Capability, String[]> LINKS = new LinkedHashMap<>();

    static {
        LINKS.put(Capability.LA_OVERVIEW, new String[] {"/la/overview", "LA attendance overview"});
        LINKS.put(Capability.ALERT_VIEW, new String[] {"/alerts", "Alert queues"});
        LINKS.put(Capability.AUDIT_SEARCH, new String[] {"/audit", "Search the audit log"});
        LINKS.put(Capability.PUPIL_RECORD, new String[] {"/pupils", "Find a pupil"});
        LINKS.put(Capability.SCHOOL_PAGE, new String[] {"/schools", "Schools: feeds, validation reports and held records"});
        LINKS.put(Capability.REVIEW_QUEUE, new String[] {"/review", "Matching review queue"});
        LINKS.put(Capability.TRUST_OVERVIEW, new String[] {"/trust", "Trust attendance overview"});
        LINKS.put(Capability.ADMINISTER, new String[] {"/retention", "Retention: due this month, legal holds, runs"});
        LINKS.put(Capability.PLANNING_EXPORT, new String[] {"/planning/exports", "Pseudonymised planning exports"});
        LINKS.put(Capability.NATIONAL_VIEW, new String[] {"/national", "Attendance by local authority and phase"});
    }

    @GetMapping("/")
    public String home(Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        Map<String, String> links = new LinkedHashMap<>();
        LINKS.forEach((capability, link) -> {
            if (user.may(capability)) {
                links.put(link[0], link[1]);
            }
        });
        model.addAttribute("user", user);
        model.addAttribute("links", links);
        return "home";
    }
}
