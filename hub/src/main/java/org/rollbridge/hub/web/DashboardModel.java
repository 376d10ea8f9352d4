package org.rollbridge.hub.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.core.disclosure.DisclosureControl;
import org.rollbridge.hub.access.FieldAccess;
import org.rollbridge.hub.exports.AggregateTable;
import org.rollbridge.hub.access.OrganisationKind;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;
import org.springframework.ui.Model;

/** What the attendance dashboards (LA, trust) put in front of their shared template fragments. */
final class DashboardModel {

    private DashboardModel() {
    }

    /**
     * The figures as the role is shown them: through {@code rule}, with only the cohorts drawn from fields the role
     * is shown (a trust viewer, shown no social care, SEN or FSM fields, is shown none of those cohorts); each
     * school named from {@code schoolNames} (LAESTAB to name) where its name is known.
     */
    static List<AggregateTable> add(Model model, AttendanceFiguresQuery.Figures figures, NationalFigures national,
                                    String la, Role role, DisclosureControl rule, Map<String, String> schoolNames) {
        return add(model, figures, national, la, role, rule, schoolNames, "Total");
    }

    /**
     * As above, compared with England's and the LA's figures for one published phase ("Total" for all schools),
     * each column named with its source and date.
     */
    static List<AggregateTable> add(Model model, AttendanceFiguresQuery.Figures figures, NationalFigures national,
                                    String la, Role role, DisclosureControl rule, Map<String, String> schoolNames,
                                    String phase) {
        Optional<NationalFigures.Row> england = national.england(phase, figures.asOf());
        Optional<NationalFigures.Row> laPublished = national.la(la, phase);
        String phaseWords = phase.equals("Total") ? "" : ", " + phase.toLowerCase(java.util.Locale.UK);
        String englandLabel = national.englandLabel(phaseWords, figures.asOf());
        String laLabel = laPublished.map(NationalFigures.Row::laName).orElse("LA " + la) + phaseWords + " ("
                + NationalFigures.PUBLISHED + ")";
        model.addAttribute("englandLabel", englandLabel);
        model.addAttribute("laLabel", laLabel);
        BigDecimal englandAbsence = england.map(NationalFigures.Row::absence).orElse(null);
        List<AttendanceFiguresQuery.Row> cohorts = figures.cohorts().stream()
                .filter(r -> shows(role, AttendanceFiguresQuery.Cohort.valueOf(r.key()))).toList();
        ShownFigures shown = ShownFigures.of(figures, cohorts, rule).named(schoolNames);
        model.addAttribute("figures", figures);
        model.addAttribute("shown", shown);
        model.addAttribute("printable", true);
        model.addAttribute("smallestCount", rule.threshold());
        model.addAttribute("englandTotal", england.orElse(null));
        model.addAttribute("laTotal", laPublished.orElse(null));
        model.addAttribute("england", national.england(figures.asOf()));
        model.addAttribute("published", national.la(la));
        model.addAttribute("comparatorsCaption", national.comparatorsCaption(figures.asOf()));
        model.addAttribute("englandArea", national.fromNationalCollection(figures.asOf())
                ? national.englandLabel("", figures.asOf()) : "England");
        List<AttendanceFiguresQuery.Week> trend = shown.trendShown() ? figures.trend() : List.of();
        model.addAttribute("trend", trend);
        model.addAttribute("chart", TrendChart.of(trend, englandAbsence));
        List<AggregateTable> tables = new ArrayList<>();
        tables.add(DashboardTables.headline(figures, shown, england.orElse(null), laPublished.orElse(null),
                englandLabel, laLabel));
        tables.add(DashboardTables.trend(trend));
        if (!shown.cohorts().isEmpty()) {
            tables.add(DashboardTables.breakdown("cohorts", "By cohort", "Cohort", shown.cohorts()));
        }
        tables.add(DashboardTables.breakdown("phases", "By phase", "Phase", shown.phases()));
        tables.add(DashboardTables.breakdown("schools", "By school", "School (LAESTAB)", shown.schools()));
        return tables;
    }

    /** LA staff see every cohort (in aggregate); others only the cohorts of fields they are shown. */
    private static boolean shows(Role role, AttendanceFiguresQuery.Cohort cohort) {
        return role.organisationKind() == OrganisationKind.LA
                || FieldAccess.shows(role, cohort.group());
    }
}
