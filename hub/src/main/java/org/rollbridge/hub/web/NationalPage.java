package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.rollbridge.core.disclosure.DisclosureControl;
import org.rollbridge.hub.DisclosureSettings;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;
import org.rollbridge.hub.exports.AggregateTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The DfE's view: this hub's LA by phase, with no school and no pupil identifiable. A phase made up of fewer than
 * {@link #MINIMUM_SCHOOLS} schools is withheld whole, since it would be a school's own figures; every other figure
 * goes through core's {@link DisclosureControl}, the phases with secondary suppression against the LA's total.
 * No breakdown by school or by cohort is shared.
 */
@Hidden
@Controller
public class NationalPage {

    static final int MINIMUM_SCHOOLS = 3;
    private static final List<String> HEADER = List.of("Local authority", "Phase", "Schools", "Pupils",
            "Absence % this week", "Absence % this term", "Absence % year to date", "Unauthorised % year to date",
            "Persistently absent", "Persistent absence %", "Severely absent");
    private static final String NONE = "x";

    private final AttendanceFiguresQuery attendance;
    private final NationalFigures national;
    private final HubProperties settings;
    private final Clock clock;
    private final DisclosureControl rule;

    public NationalPage(AttendanceFiguresQuery attendance, NationalFigures national, HubProperties settings,
                        Clock clock, DisclosureSettings disclosure) {
        this.attendance = attendance;
        this.national = national;
        this.settings = settings;
        this.clock = clock;
        this.rule = new DisclosureControl(disclosure.smallestCount());
    }

    /** A line of the national table, every figure already suppressed where it must be. */
    public record Line(String la, String phase, String schools, String pupils, String weekAbsence,
                       String termAbsence, String yearAbsence, String yearUnauthorised, String persistent,
                       String persistentRate, String severe, String englandAbsence) {
    }

    @GetMapping("/national")
    public String view(@RequestParam(required = false) String on, Model model) {
        TableDownloads.link(model, "/national", tables(on, model));
        return "national";
    }

    /** The national table (or the trend, when the page shows it) as CSV or XLSX, as the page shows it. */
    @GetMapping("/national/{table}.{format}")
    public ResponseEntity<byte[]> download(@PathVariable String table, @PathVariable String format,
                                           @RequestParam(required = false) String on) {
        Model model = new ExtendedModelMap();
        List<AggregateTable> tables = tables(on, model);
        return TableDownloads.file(tables, table, format, "national", "National view, "
                + national.laName(settings.la()) + ", figures to " + ((AttendanceFiguresQuery.Figures) model.getAttribute("figures")).asOf());
    }

    private List<AggregateTable> tables(String on, Model model) {
        AttendanceFiguresQuery.Figures figures = attendance.forLa(on, LocalDate.now(clock));
        String laName = national.la(settings.la(), "Total").map(NationalFigures.Row::laName)
                .orElse("LA " + settings.la());
        List<AttendanceFiguresQuery.Row> phases = figures.phases();
        boolean[] withheld = new boolean[phases.size()];
        for (int i = 0; i < withheld.length; i++) {
            withheld[i] = phases.get(i).schools() < MINIMUM_SCHOOLS;
        }
        AttendanceFiguresQuery.Counts total = figures.total().year();
        boolean[] hidden = column(phases, total, AttendanceFiguresQuery.Counts::pupils, withheld);
        boolean[] persistent = column(phases, total, AttendanceFiguresQuery.Counts::persistent, hidden);
        boolean[] severe = column(phases, total, AttendanceFiguresQuery.Counts::severe, hidden);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            AttendanceFiguresQuery.Row phase = phases.get(i);
            lines.add(line(laName, phase.label(), phase.schools(), phase.periods(), phase.label(), figures.asOf(),
                    hidden[i], persistent[i], severe[i]));
        }
        boolean totalWithheld = figures.schools().size() < MINIMUM_SCHOOLS;
        lines.add(line(laName, "All phases", figures.schools().size(), figures.total(), "Total", figures.asOf(),
                totalWithheld, false, false));
        boolean trendShown = !totalWithheld && !rule.small(total.pupils());
        model.addAttribute("figures", figures);
        model.addAttribute("lines", lines);
        model.addAttribute("trendShown", trendShown);
        model.addAttribute("trend", trendShown ? figures.trend() : List.of());
        model.addAttribute("chart", TrendChart.of(trendShown ? figures.trend() : List.of(),
                national.england("Total", figures.asOf()).map(NationalFigures.Row::absence).orElse(null)));
        model.addAttribute("laName", laName);
        // England's column names its source for the date shown: the national collection, or the published year.
        String englandHeader = national.englandLabel(" absence %", figures.asOf());
        model.addAttribute("englandHeader", englandHeader);
        List<String> header = new ArrayList<>(HEADER);
        header.add(englandHeader);
        model.addAttribute("printable", true);
        model.addAttribute("minimumSchools", MINIMUM_SCHOOLS);
        model.addAttribute("minimumCount", rule.threshold());
        List<AggregateTable> tables = new ArrayList<>();
        tables.add(new AggregateTable("phases", "Absence by local authority and phase", header, lines.stream()
                .map(l -> List.of(l.la(), l.phase(), l.schools(), l.pupils(), l.weekAbsence(), l.termAbsence(),
                        l.yearAbsence(), l.yearUnauthorised(), l.persistent(), l.persistentRate(), l.severe(),
                        l.englandAbsence())).toList()));
        if (trendShown) {
            tables.add(DashboardTables.trend(figures.trend()));
        }
        return tables;
    }

    private boolean[] column(List<AttendanceFiguresQuery.Row> phases, AttendanceFiguresQuery.Counts total,
                             ToLongFunction<AttendanceFiguresQuery.Counts> count, boolean[] withheld) {
        long[] cells = phases.stream().mapToLong(r -> count.applyAsLong(r.periods().year())).toArray();
        return rule.suppressedCells(count.applyAsLong(total), cells, withheld);
    }

    private Line line(String la, String phase, int schools, AttendanceFiguresQuery.Periods p, String publishedPhase,
                      LocalDate asOf, boolean hidden, boolean persistentHidden, boolean severeHidden) {
        String england = national.england(publishedPhase, asOf).map(NationalFigures.Row::absence)
                .map(BigDecimal::toString).orElse(NONE);
        String c = DisclosureControl.SUPPRESSED;
        if (hidden) {
            return new Line(la, phase, schools < MINIMUM_SCHOOLS ? c : String.valueOf(schools), c, c, c, c, c, c, c,
                    c, england);
        }
        AttendanceFiguresQuery.Counts year = p.year();
        return new Line(la, phase, String.valueOf(schools), rule.count(year.pupils()),
                rule.rate(p.week().absence(), NONE, p.week().pupils()),
                rule.rate(p.term().absence(), NONE, p.term().pupils()),
                rule.rate(year.absence(), NONE, year.pupils()),
                rule.rate(year.unauthorisedRate(), NONE, year.pupils()),
                persistentHidden ? c : rule.count(year.persistent()),
                persistentHidden ? c : rule.rate(year.persistentRate(), NONE, year.persistent(), year.reportable()),
                severeHidden ? c : rule.count(year.severe()), england);
    }
}
