package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.indicators.alerts.AlertId;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.access.Users;
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
 * The alert queues: open cases per alert type, a queue per type as a working list (pupil, year group and school per
 * case; filters, orders, pages of 50; assigning ticked cases to an officer), and a case page with its evidence,
 * history and the forms to assign, acknowledge and resolve (with a reason). Invalid input comes back to the case
 * page as a GOV.UK error summary, not an error page.
 */
@Hidden
@Controller
public class AlertPages {

    private final AlertDecisions decisions;
    private final SchoolQuery schools;
    private final Users users;
    private final Clock clock;
    private final NationalFigures national;

    public AlertPages(AlertDecisions decisions, SchoolQuery schools, Users users, Clock clock,
                      NationalFigures national) {
        this.national = national;
        this.decisions = decisions;
        this.schools = schools;
        this.users = users;
        this.clock = clock;
    }

    static AlertAccess.Viewer viewer(HubUser user) {
        return new AlertAccess.Viewer(user.username(), user.role(), user.organisation());
    }

    /** The year groups a queue may be narrowed to, as the CTF writes them. */
    static final List<String> YEAR_GROUPS = List.of("N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
            "11", "12", "13", "14");

    /** A numbered link of the GOV.UK pagination; a null number is the ellipsis between runs of pages. */
    public record PageLink(Integer number, String href, boolean current) {

        /** The item's GOV.UK classes (here, since a template reads a double underscore as preprocessing). */
        public String itemClass() {
            return "govuk-pagination__item" + (number == null ? " govuk-pagination__item--ellipses"
                    : current ? " govuk-pagination__item--current" : "");
        }
    }

    @GetMapping("/alerts")
    public String alerts(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                         @RequestParam(required = false) String laestab,
                         @RequestParam(required = false) String mine, @RequestParam(required = false) String year,
                         @RequestParam(required = false) String unassigned,
                         @RequestParam(required = false) String overdue,
                         @RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page,
                         Authentication authentication, Model model) {
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
        boolean assignedToMe = checked(mine);
        LocalDate today = LocalDate.now(clock);
        AlertCaseQuery.Order order = order(sort);
        // An unknown kind, status or year group is refused by the decisions (Refusal.Invalid: a 400 page).
        AlertDecisions.Queue queue = decisions.queue(viewer, new AlertCaseQuery.Filter(kind, shownStatus, laestab,
                assignedToMe ? user.username() : null, year, checked(unassigned), checked(overdue) ? today : null),
                order, page);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("kind", kind.strip().toUpperCase(java.util.Locale.ROOT));
        filters.put("status", shownStatus);
        filters.put("laestab", laestab == null ? "" : laestab.strip());
        filters.put("year", year == null ? "" : year.strip());
        filters.put("mine", assignedToMe ? "yes" : "");
        filters.put("unassigned", checked(unassigned) ? "yes" : "");
        filters.put("overdue", checked(overdue) ? "yes" : "");
        filters.put("sort", order.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("queue", queue);
        model.addAttribute("cases", queue.cases());
        model.addAttribute("filters", filters);
        model.addAttribute("here", href(filters, queue.page()));
        // The export holds the queue as filtered here (in the file's own order: the sort is the page's).
        Map<String, String> exported = new LinkedHashMap<>(filters);
        exported.remove("sort");
        model.addAttribute("exportHref", href("/exports/alerts", exported, null));
        model.addAttribute("pageLinks", pageLinks(filters, queue.page(), queue.pages()));
        model.addAttribute("previous", queue.page() > 1 ? href(filters, queue.page() - 1) : null);
        model.addAttribute("next", queue.page() < queue.pages() ? href(filters, queue.page() + 1) : null);
        model.addAttribute("today", today);
        model.addAttribute("kind", AlertId.valueOf(filters.get("kind")));
        model.addAttribute("status", shownStatus);
        model.addAttribute("laestab", filters.get("laestab"));
        model.addAttribute("mine", assignedToMe);
        model.addAttribute("schools", schools.of(user.organisation()));
        model.addAttribute("yearGroups", YEAR_GROUPS);
        model.addAttribute("officers", user.may(Capability.ALERT_QUEUE)
                ? users.enabledWith(user.organisation(), Capability.ALERT_QUEUE) : List.of());
        model.addAttribute("me", user.username());
        return "alert-queue";
    }

    /** Assigns the ticked cases of a queue page to one officer (or to the user), then shows the same page again. */
    @PostMapping("/alerts/assign")
    public String assignAll(@RequestParam(name = "case", required = false) List<Long> ids,
                            @RequestParam(required = false) String assignedTo,
                            @RequestParam(required = false) String toMe, @RequestParam(required = false) String back,
                            Authentication authentication, RedirectAttributes redirect) {
        HubUser user = SignedIn.user(authentication);
        String to = checked(toMe) ? user.username() : assignedTo;
        try {
            int n = decisions.assignAll(viewer(user), ids, to, "assigned from the queue");
            redirect.addFlashAttribute("done", n + (n == 1 ? " case" : " cases") + " assigned to " + to);
        } catch (Refusal.Invalid e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + (back != null && back.startsWith("/alerts?") ? back : "/alerts");
    }

    /** Who must act, by name: "LA 926" as the LA's published name, "school 9262001" as the school's name. */
    private String responsible(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith("LA ")) {
            String code = stored.substring(3);
            return national.laName(code);
        }
        if (stored.startsWith("school ")) {
            String laestab = stored.substring(7);
            String name = schools.school(laestab).get(laestab);
            return name == null ? stored : SchoolQuery.label(laestab, name);
        }
        return stored;
    }

    /** A ticked box or a "yes" in a link: anything but blank. */
    static boolean checked(String value) {
        return value != null && !value.isBlank();
    }

    private static AlertCaseQuery.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return AlertCaseQuery.Order.NEWEST;
        }
        try {
            return AlertCaseQuery.Order.valueOf(sort.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Refusal.Invalid("sort '" + sort + "' is not an order of the queue; use newest, figure, "
                    + "open_longest or due");
        }
    }

    private static String href(Map<String, String> filters, int page) {
        return href("/alerts", filters, page);
    }

    /** An address with the filters set (an empty one left out) and, when given, the page. */
    private static String href(String path, Map<String, String> filters, Integer page) {
        org.springframework.web.util.UriComponentsBuilder url = org.springframework.web.util.UriComponentsBuilder
                .fromPath(path);
        filters.forEach((name, value) -> {
            if (!value.isEmpty()) {
                url.queryParam(name, value);
            }
        });
        if (page != null) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }

    /** The first, last and current page with its neighbours, ellipses between (the GOV.UK pagination pattern). */
    static List<PageLink> pageLinks(Map<String, String> filters, int page, int pages) {
        List<PageLink> links = new java.util.ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
                links.add(new PageLink(n, href(filters, n), n == page));
            } else if (links.isEmpty() || links.get(links.size() - 1).number() != null) {
                links.add(new PageLink(null, null, false));
            }
        }
        return links;
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
        model.addAttribute("officers", users.enabledWith(user.organisation(), Capability.ALERT_QUEUE));
        model.addAttribute("schoolName", c.laestab() == null ? null : schools.school(c.laestab()).get(c.laestab()));
        model.addAttribute("responsible", responsible(c.responsible()));
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
