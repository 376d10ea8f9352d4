package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** After sign-in: the pages this user's role may open, and nothing else. */
@Hidden
@Controller
public class HomePage {

    /** A page the home page offers to the roles with its capability. */
    record Link(Capability capability, String path, String label) {
    }

    static final List<Link> LINKS = List.of(
            new Link(Capability.LA_OVERVIEW, "/la/overview", "LA attendance overview"),
            new Link(Capability.ALERT_VIEW, "/alerts", "Alert queues"),
            new Link(Capability.AUDIT_SEARCH, "/audit", "Search the audit log"),
            new Link(Capability.PUPIL_RECORD, "/pupils", "Find a pupil"),
            new Link(Capability.SCHOOL_PAGE, "/schools", "Schools: feeds, validation reports and held records"),
            new Link(Capability.REVIEW_QUEUE, "/review", "Matching review queue"),
            new Link(Capability.TRUST_OVERVIEW, "/trust", "Trust attendance overview"),
            new Link(Capability.ADMINISTER, "/retention", "Retention: due this month, legal holds, runs"),
            new Link(Capability.ADMINISTER, "/admin/users", "Users: create, change roles, disable"),
            new Link(Capability.ADMINISTER, "/admin/trust-links", "Schools and trust membership: load the DfE's file"),
            new Link(Capability.ADMINISTER, "/admin/schools", "School credentials and pauses"),
            new Link(Capability.ADMINISTER, "/admin/access-review", "Quarterly access review"),
            new Link(Capability.ADMINISTER, "/admin/tokens", "Administrators' personal API tokens"),
            new Link(Capability.PLANNING_EXPORT, "/planning/exports", "Pseudonymised planning exports"),
            new Link(Capability.NATIONAL_VIEW, "/national", "Attendance by local authority and phase"));

    private final NationalFigures national;
    private final SchoolQuery schools;
    private final Organisations organisations;

    public HomePage(NationalFigures national, SchoolQuery schools, Organisations organisations) {
        this.national = national;
        this.schools = schools;
        this.organisations = organisations;
    }

    @GetMapping("/")
    public String home(Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        Map<String, String> links = new LinkedHashMap<>();
        LINKS.stream().filter(link -> user.may(link.capability())).forEach(link -> links.put(link.path(),
                link.label()));
        model.addAttribute("user", user);
        model.addAttribute("organisation", name(user.organisation()));
        model.addAttribute("links", links);
        return "home";
    }

    /** The user's organisation as people know it: "Norfolk (LA 926)", a school's or trust's name, the DfE. */
    private String name(Organisation organisation) {
        return switch (organisation.kind()) {
            case LA -> national.laName(organisation.code());
            case TRUST -> organisations.trustName(organisation);
            case SCHOOL -> {
                String school = schools.school(organisation.code()).get(organisation.code());
                yield school == null || school.isBlank() ? "school " + organisation.code()
                        : SchoolQuery.label(organisation.code(), school);
            }
            case DFE -> "Department for Education";
        };
    }
}
