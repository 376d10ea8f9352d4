package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.retention.LegalHolds;
import org.rollbridge.hub.retention.RetentionRunStore;
import org.rollbridge.hub.retention.RetentionSchedule;
import org.rollbridge.hub.retention.RetentionStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators' retention page: the schedule, who falls due by the end of this month (people on hold included),
 * the active legal holds and the last runs; and the forms that place and release a hold from the pupil page.
 */
@Hidden
@Controller
public class RetentionPage {

    private final RetentionStatus status;
    private final LegalHolds holds;
    private final RetentionRunStore runs;
    private final RetentionSchedule schedule;
    private final AuditLog audit;
    private final Clock clock;

    public RetentionPage(RetentionStatus status, LegalHolds holds, RetentionRunStore runs, RetentionSchedule schedule,
                         AuditLog audit, Clock clock) {
        this.status = status;
        this.holds = holds;
        this.runs = runs;
        this.schedule = schedule;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/retention")
    public String page(Authentication authentication, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate monthEnd = today.with(TemporalAdjusters.lastDayOfMonth());
        audit.record(SignedIn.user(authentication), AuditAction.SEARCH, null, null, "retention page");
        model.addAttribute("today", today);
        model.addAttribute("monthEnd", monthEnd);
        model.addAttribute("schedule", schedule);
        model.addAttribute("due", status.dueBy(today, monthEnd));
        model.addAttribute("holds", holds.active());
        model.addAttribute("runs", runs.latest(10));
        return "retention";
    }

    @PostMapping("/retention/holds")
    public String hold(@RequestParam long personId, @RequestParam(required = false) String reason,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewOn,
                       Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        holds.hold(personId, reason, reviewOn, user.username(), user.role().name(),
                LocalDate.now(clock));
        return "redirect:/pupils/" + personId + "#retention";
    }

    @PostMapping("/retention/holds/{id}/release")
    public String release(@PathVariable long id, @RequestParam(required = false) String reason,
                          Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        long person = holds.release(id, reason, user.username(), user.role().name()).personId();
        return "redirect:/pupils/" + person + "#retention";
    }
}
