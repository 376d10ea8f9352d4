package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import org.rollbridge.core.disclosure.DisclosureControl;
import org.rollbridge.hub.DisclosureSettings;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The LA's attendance this week, term and year to date against the national and the LA's published figures,
 * with the weekly trend and breakdowns by cohort, phase and school. Aggregates only: no pupil is named; a role
 * that may not open pupils' records sees them under disclosure control.
 */
@Hidden
@Controller
public class LaOverviewPage {

    private final AttendanceFiguresQuery attendance;
    private final NationalFigures national;
    private final HubProperties settings;
    private final Clock clock;
    private final DisclosureControl rule;

    public LaOverviewPage(AttendanceFiguresQuery attendance, NationalFigures national, HubProperties settings,
                          Clock clock, DisclosureSettings disclosure) {
        this.rule = new DisclosureControl(disclosure.smallestCount());
        this.attendance = attendance;
        this.national = national;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/la/overview")
    public String overview(@RequestParam(required = false) String on, Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        // Those who may open a pupil's record see exact figures; the others (the analyst) see them suppressed.
        DashboardModel.add(model, attendance.forLa(on, LocalDate.now(clock)), national, settings.la(), user.role(),
                user.role().may(Capability.PUPIL_RECORD) ? DisclosureControl.NONE : rule);
        model.addAttribute("la", settings.la());
        return "la-overview";
    }
}
