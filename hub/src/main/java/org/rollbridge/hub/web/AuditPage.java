package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** LA administrators search the audit log; the search itself is audited. */
@Hidden
@Controller
public class AuditPage {

    private final AuditLog audit;
    private final Clock clock;

    public AuditPage(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/audit")
    public String search(@RequestParam(required = false) String actor,
                         @RequestParam(required = false) AuditAction action,
                         @RequestParam(required = false) String subject,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         Authentication authentication, Model model) {
        audit.record(SignedIn.user(authentication), AuditAction.AUDIT_SEARCH, subject, null,
                "actor=" + (actor == null ? "" : actor) + " action=" + (action == null ? "" : action));
        model.addAttribute("events", audit.search(new AuditLog.Query(actor, action, subject,
                from == null ? null : from.atStartOfDay(clock.getZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), 200)));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("subject", subject);
        return "audit";
    }
}
