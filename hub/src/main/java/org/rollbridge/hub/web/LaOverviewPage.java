package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient db;
    private final Clock clock;

    public LaOverviewPage(LaAttendance attendance, NationalFigures national, HubProperties settings, JdbcClient db,
                          Clock signInClock) {
        this.attendance = attendance;
        this.national = national;
        this.settings = settings;
        this.db = db;
        this.clock = signInClock;
    }

    @GetMapping("/la/overview")
    public String overview(@RequestParam(required = false) String on, Model model) {
        List<String> schools = db.sql("select laestab from schools where la = ? order by laestab")
                .param(settings.la()).query(String.class).list().stream().map(String::strip).toList();
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = AsOfDate.chosen(on, attendance.latestMarkedDay(schools, today).orElse(null), today);
        Map<String, Period> scope = new LinkedHashMap<>();
        schools.forEach(s -> scope.put(s, null));
        DashboardModel.add(model, attendance.figures(asOf, scope), national, settings.la());
        model.addAttribute("la", settings.la());
        return "la-overview";
    }
}
