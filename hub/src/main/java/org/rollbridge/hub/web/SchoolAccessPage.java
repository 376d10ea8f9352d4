package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SchoolCredentials;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.access.SigningCredentials;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.schools.SchoolPauses;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The LA's schools with their upload credentials and pauses, operable here as through the API: issue a token
 * (shown once), revoke every credential of a school, pause or resume its sending. Each action is audited.
 */
@Hidden
@Controller
public class SchoolAccessPage {

    private final SchoolQuery schools;
    private final SchoolCredentials credentials;
    private final SigningCredentials signing;
    private final SchoolPauses pauses;
    private final AuditLog audit;
    private final HubProperties settings;

    public SchoolAccessPage(SchoolQuery schools, SchoolCredentials credentials, SigningCredentials signing,
                            SchoolPauses pauses, AuditLog audit, HubProperties settings) {
        this.schools = schools;
        this.credentials = credentials;
        this.signing = signing;
        this.pauses = pauses;
        this.audit = audit;
        this.settings = settings;
    }

    /** A school's row: its credentials in use and whether it paused. */
    public record Row(String laestab, String name, int credentials, SchoolPauses.State pause) {
    }

    @GetMapping("/admin/schools")
    public String page(Model model) {
        Map<String, Integer> counts = credentials.currentCounts();
        List<Row> rows = schools.ofLa(settings.la()).entrySet().stream().map(s -> new Row(s.getKey(), s.getValue(),
                counts.getOrDefault(s.getKey(), 0), pauses.current(s.getKey()).orElse(null))).toList();
        model.addAttribute("rows", rows);
        return "admin-schools";
    }

    @PostMapping("/admin/schools/credentials")
    public String issue(@RequestParam(required = false) String laestab, Authentication authentication,
                        Model model) {
        String token;
        try {
            token = credentials.issue(laestab == null ? "" : laestab);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return page(model);
        }
        audit.record(SignedIn.user(authentication), AuditAction.SCHOOL_ACCESS, laestab.strip(), null,
                "credential issued");
        model.addAttribute("laestab", laestab.strip());
        model.addAttribute("token", token);
        return "admin-school-token";
    }

    @PostMapping("/admin/schools/{laestab}/revoke")
    public String revoke(@PathVariable String laestab, @RequestParam(required = false) String reason,
                         Authentication authentication, RedirectAttributes redirect) {
        int n = signing.revokeAll(laestab, reason);
        audit.record(SignedIn.user(authentication), AuditAction.SCHOOL_ACCESS, laestab, reason,
                n + " credentials revoked");
        redirect.addFlashAttribute("done", n + " credentials of school " + laestab + " revoked: its agent can no"
                + " longer send until it is enrolled again");
        return "redirect:/admin/schools";
    }

    @PostMapping("/admin/schools/{laestab}/pause")
    public String pause(@PathVariable String laestab, @RequestParam(required = false) String reason,
                        @RequestParam boolean paused, Authentication authentication, RedirectAttributes redirect) {
        HubUser user = SignedIn.user(authentication);
        pauses.record(laestab, paused, reason == null || reason.isBlank() ? "by the LA" : reason.strip());
        audit.record(user, AuditAction.SCHOOL_ACCESS, laestab, reason, paused ? "sending paused" : "sending resumed");
        redirect.addFlashAttribute("done", "School " + laestab + (paused ? " is paused: the hub refuses its batches"
                : " may send again"));
        return "redirect:/admin/schools";
    }
}
