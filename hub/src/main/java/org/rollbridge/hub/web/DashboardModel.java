package org.rollbridge.hub.web;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.ui.Model;

/** What the attendance dashboards (LA, trust) put in front of their shared template fragments. */
final class DashboardModel {

    private DashboardModel() {
    }

    static void add(Model model, LaAttendance.Figures figures, NationalFigures national, String la) {
        Optional<NationalFigures.Row> england = national.england("Total", figures.asOf());
        BigDecimal englandAbsence = england.map(NationalFigures.Row::absence).orElse(null);
        model.addAttribute("figures", figures);
        model.addAttribute("englandTotal", england.orElse(null));
        model.addAttribute("laTotal", national.la(la, "Total").orElse(null));
        model.addAttribute("england", national.england(figures.asOf()));
        model.addAttribute("published", national.la(la));
        model.addAttribute("chart", TrendChart.of(figures.trend(), englandAbsence));
    }
}
