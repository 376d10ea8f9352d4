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

    /** Each link's path, its words, and the capability it needs (one capability may give several pages). */
    record Link(String path, String label, Capability needs) {
    }

    static final java.util.List<Link> LINKS = java.util.List.of(
            new Link("/la/overview", "LA attendance overview", Capability.LA_OVERVIEW),
            new Link("/alerts", "Alert queues", Capability.ALERT_VIEW),
            new Link("/audit", "Search the audit log", Capability.AUDIT_SEARCH),
            new Link("/pupils", "Find a pupil", Capability.PUPIL_RECORD),
            new Link("/schools", "Schools: feeds, validation reports and held records", Capability.SCHOOL_PAGE),
            new Link("/review", "Matching review queue", Capability.REVIEW_QUEUE),
            new Link("/trust", "Trust attendance overview", Capability.TRUST_OVERVIEW),
            new Link("/retention", "Retention: due this month, legal holds, runs", Capability.ADMINISTER),
            new Link("/admin/tokens", "Administrators' personal API tokens", Capability.ADMINISTER),
            new Link("/national", "Attendance by local authority and phase", Capability.NATIONAL_VIEW));

    @GetMapping("/")
    public String home(Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        Map<String, String> links = new LinkedHashMap<>();
        LINKS.stream().filter(link -> user.may(link.needs())).forEach(link -> links.put(link.path(), link.label()));
        model.addAttribute("user", user);
        model.addAttribute("links", links);
        return "home";
    }
}
