package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The DfE's view: this hub's LA by phase, with no school and no pupil identifiable. Small cells are suppressed by
 * {@link SmallCells}; no breakdown by school or by cohort is shared.
 */
@Hidden
@Controller
public class NationalPage {

    private final LaAttendance attendance;
    private final NationalFigures national;
    private final HubProperties settings;
    private final Clock clock;

    public NationalPage(LaAttendance attendance, NationalFigures national, HubProperties settings,
                        Clock clock) {
        this.attendance = attendance;
        this.national = national;
        this.settings = settings;
        this.clock = clock;
    }

    /** A line of the national table, every figure already suppressed where it must be. */
    public record Line(String la, String phase, String schools, String pupils, String weekAbsence,
                       String termAbsence, String yearAbsence, String yearUnauthorised, String persistent,
                       String persistentRate, String severe, String englandAbsence) {
    }

    @GetMapping("/national")
    public String view(@RequestParam(required = false) String on, Model model) {
        LaAttendance.Figures figures = attendance.forLa(on, LocalDate.now(clock));
        String laName = national.la(settings.la(), "Total").map(NationalFigures.Row::laName).orElse(settings.la());
        List<Line> lines = new ArrayList<>();
        for (LaAttendance.Row phase : figures.phases()) {
            lines.add(line(laName, phase.label(), phase.schools(), phase.periods(), phase.label(), figures.asOf()));
        }
        lines.add(line(laName, "All phases", figures.schools().size(), figures.total(), "Total", figures.asOf()));
        boolean trendShown = SmallCells.shareable(figures.schools().size());
        model.addAttribute("figures", figures);
        model.addAttribute("lines", lines);
        model.addAttribute("trendShown", trendShown);
        model.addAttribute("trend", trendShown ? figures.trend() : List.of());
        model.addAttribute("chart", TrendChart.of(trendShown ? figures.trend() : List.of(),
                national.england("Total", figures.asOf()).map(NationalFigures.Row::absence).orElse(null)));
        model.addAttribute("laName", laName);
        model.addAttribute("minimumSchools", SmallCells.MINIMUM_SCHOOLS);
        model.addAttribute("minimumCount", SmallCells.MINIMUM_COUNT);
        return "national";
    }

    private Line line(String la, String phase, int schools, LaAttendance.Periods p, String publishedPhase,
                      LocalDate asOf) {
        String england = national.england(publishedPhase, asOf).map(NationalFigures.Row::absence).map(BigDecimal::toString)
                .orElse("x");
        if (!SmallCells.shareable(schools)) {
            String c = SmallCells.WITHHELD;
            return new Line(la, phase, c, c, c, c, c, c, c, c, c, england);
        }
        LaAttendance.Counts year = p.year();
        return new Line(la, phase, String.valueOf(schools), SmallCells.count(year.pupils()),
                SmallCells.rate(p.week().absence(), p.week().pupils()),
                SmallCells.rate(p.term().absence(), p.term().pupils()),
                SmallCells.rate(year.absence(), year.pupils()), SmallCells.rate(year.unauthorisedRate(), year.pupils()),
                SmallCells.count(year.persistent()), SmallCells.rate(year.persistentRate(), year.persistent()),
                SmallCells.count(year.severe()), england);
    }
}
