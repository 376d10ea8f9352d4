package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.disclosure.DisclosureControl;
import org.rollbridge.hub.DisclosureSettings;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.FieldAccess;
import org.rollbridge.hub.access.FieldGroup;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.attendance.AsOfDate;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;
import org.rollbridge.hub.attendance.SchoolAttendance;
import org.rollbridge.hub.attendance.SchoolPhase;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A school's own attendance dashboard: the figures a trust or the LA sees for the school (this week, term and
 * year, by cohort, the trend; {@link AttendanceFiguresQuery} through {@link DashboardModel}), beside the LA's and
 * similar schools' (same phase) figures for the same date and the published ones; then the year by year group and
 * by reason code, and the pupils at risk ({@link SchoolAttendance}).
 */
@Hidden
@Controller
public class SchoolAttendancePage {

    private final AttendanceFiguresQuery attendance;
    private final SchoolAttendance school;
    private final SchoolQuery schools;
    private final NationalFigures national;
    private final HubProperties settings;
    private final AuditLog audit;
    private final Clock clock;
    private final DisclosureControl rule;

    public SchoolAttendancePage(AttendanceFiguresQuery attendance, SchoolAttendance school, SchoolQuery schools,
                                NationalFigures national, HubProperties settings, AuditLog audit, Clock clock,
                                DisclosureSettings disclosure) {
        this.attendance = attendance;
        this.school = school;
        this.schools = schools;
        this.national = national;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.rule = new DisclosureControl(disclosure.smallestCount());
    }

    @GetMapping("/schools/{laestab}/attendance")
    public String dashboard(@PathVariable String laestab, @RequestParam(required = false) String on,
                            Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        Map<String, String> visible = schools.of(user.organisation());
        if (!visible.containsKey(laestab)) {
            throw new Refusal.NotFound("There is no school here that you can see");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = AsOfDate.chosen(on, attendance.latestMarkedDay(List.of(laestab), today).orElse(null), today);
        audit.record(user, AuditAction.VIEW_SCHOOL, "school:" + laestab, null, "attendance dashboard as of " + asOf);
        AttendanceFiguresQuery.Figures figures = attendance.figures(asOf, Collections.singletonMap(laestab, null));
        DashboardModel.add(model, figures, national, settings.la(), user.role(), rule, visible,
                SchoolPhase.of(laestab).published());
        // The at-risk list names pupils: the page is pupil-level and not for printing.
        model.addAttribute("printable", false);
        AttendanceFiguresQuery.Figures la = attendance.forLa(figures.asOf().toString(), today);
        SchoolPhase phase = SchoolPhase.of(laestab);
        model.addAttribute("phase", phase);
        model.addAttribute("laFigures", la.total().year());
        model.addAttribute("similar", la.phases().stream().filter(r -> r.key().equals(phase.name())).findFirst()
                .orElse(null));
        model.addAttribute("englandPhase", national.england(phase.published(), figures.asOf()).orElse(null));
        model.addAttribute("englandPhaseLabel", "England, " + (phase.published().equals("Total") ? "all schools"
                : phase.published()) + (phase == SchoolPhase.NURSERY ? " (no nursery figures are published)" : ""));
        model.addAttribute("englandSource", national.source(figures.asOf()));
        model.addAttribute("laestab", laestab);
        String name = visible.get(laestab);
        model.addAttribute("name", name == null || name.isBlank() ? "School " + laestab : name);
        model.addAttribute("dashboard", school.of(laestab, figures.asOf()));
        model.addAttribute("identity", FieldAccess.shows(user.role(), FieldGroup.IDENTITY));
        model.addAttribute("atRiskFrom", SchoolAttendance.AT_RISK_FROM);
        model.addAttribute("atRiskTo", SchoolAttendance.AT_RISK_TO);
        model.addAttribute("atRiskStreak", SchoolAttendance.AT_RISK_STREAK_DAYS);
        return "school-attendance";
    }
}
