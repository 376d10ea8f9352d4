package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.rollbridge.hub.HubProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The LA's attendance against the published national and LA figures, and by school. Aggregates only. */
@Hidden
@Controller
public class LaOverviewPage {

    private final LaAttendance attendance;
    private final NationalFigures national;
    private final HubProperties settings;

    public LaOverviewPage(LaAttendance attendance, NationalFigures national, HubProperties settings) {
        this.attendance = attendance;
        this.national = national;
        this.settings = settings;
    }

    @GetMapping("/la/overview")
    public String overview(Model model) {
        LaAttendance.Overview overview = attendance.overview();
        model.addAttribute("overview", overview);
        model.addAttribute("yearLabel", overview.academicYear() == null ? null
                : overview.academicYear() + "/" + String.format("%02d", (overview.academicYear() + 1) % 100));
        model.addAttribute("england", national.england());
        model.addAttribute("published", national.la(settings.la()));
        model.addAttribute("la", settings.la());
        return "la-overview";
    }
}
