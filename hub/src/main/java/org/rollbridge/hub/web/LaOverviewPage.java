package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.core.disclosure.DisclosureControl;
import org.rollbridge.hub.DisclosureSettings;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;
import org.rollbridge.hub.exports.AggregateTable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
    private final SchoolQuery schools;

    public LaOverviewPage(AttendanceFiguresQuery attendance, NationalFigures national, HubProperties settings,
                          Clock clock, DisclosureSettings disclosure, SchoolQuery schools) {
        this.schools = schools;
        this.rule = new DisclosureControl(disclosure.smallestCount());
        this.attendance = attendance;
        this.national = national;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/la/overview")
    public String overview(@RequestParam(required = false) String on, Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        List<AggregateTable> tables = tables(on, user, model);
        TableDownloads.link(model, "/la/overview", tables);
        model.addAttribute("la", national.laName(settings.la()));
        model.addAttribute("cohortsExportable", user.may(Capability.PUPIL_EXPORT));
        model.addAttribute("schoolLinks", user.may(Capability.SCHOOL_PAGE));
        return "la-overview";
    }

    /** One of the page's tables as CSV or XLSX, as the page shows it to this user. */
    @GetMapping("/la/overview/{table}.{format}")
    public ResponseEntity<byte[]> download(@PathVariable String table, @PathVariable String format,
                                           @RequestParam(required = false) String on, Authentication authentication) {
        Model model = new ExtendedModelMap();
        List<AggregateTable> tables = tables(on, SignedIn.user(authentication), model);
        AttendanceFiguresQuery.Figures figures = (AttendanceFiguresQuery.Figures) model.getAttribute("figures");
        return TableDownloads.file(tables, table, format, "la-overview",
                "LA overview, " + national.laName(settings.la()) + ", figures to " + figures.asOf());
    }

    private List<AggregateTable> tables(String on, HubUser user, Model model) {
        // Those who may open a pupil's record see exact figures; the others (the analyst) see them suppressed.
        List<AggregateTable> tables = new ArrayList<>(DashboardModel.add(model,
                attendance.forLa(on, LocalDate.now(clock)), national, settings.la(), user.role(),
                user.role().may(Capability.PUPIL_RECORD) ? DisclosureControl.NONE : rule, schools.ofLa(settings.la())));
        LocalDate asOf = ((AttendanceFiguresQuery.Figures) model.getAttribute("figures")).asOf();
        tables.add(DashboardTables.published(national.la(settings.la()), national.england(asOf),
                (String) model.getAttribute("comparatorsCaption"), (String) model.getAttribute("englandArea")));
        return tables;
    }
}
