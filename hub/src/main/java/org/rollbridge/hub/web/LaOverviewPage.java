package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import org.rollbridge.hub.HubProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The LA's attendance this week, term and year to date against the national and the LA's published figures,
 * with the weekly trend and breakdowns by cohort, phase and school. Aggregates only: no pupil is named.
 */
@Hidden
@Controller
public class LaOverviewPage {

    private final LaAttendance attendance;
    private final NationalFigures national;
    private final HubProperties settings;
    private final Clock clock;

    public LaOverviewPage(LaAttendance attendance, NationalFigures national, HubProperties settings,
                          Clock clock) {
        this.attendance = attendance;
        this.national = national;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/la/overview")
    public String overview(@RequestParam(required = false) String on, Model model) {
        DashboardModel.add(model, attendance.forLa(on, LocalDate.now(clock)), national, settings.la());
        model.addAttribute("la", settings.la());
        return "la-overview";
    }
}
