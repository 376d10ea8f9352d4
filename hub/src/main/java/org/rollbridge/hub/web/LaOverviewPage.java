package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

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
    private final ITemplateEngine templates;
    /**
     * The figures drawn as the page shows them, by what they are drawn from. Drawing 60 schools' rows, the trend
     * and the tables took most of an overview request's time, while the figures themselves change only when a
     * school's marks or pupils do.
     */
    private final Map<Drawn, String> drawn = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Drawn, String> eldest) {
            return size() > 32;
        }
    };

    /**
     * Everything the page's figures are drawn from: the figures, what the role is shown of them (disclosure
     * control, cohorts, links to schools and cohort exports follow from the role), the schools' names, where
     * England's figures come from and the language dates are written in.
     */
    private record Drawn(AttendanceFiguresQuery.Figures figures, org.rollbridge.hub.access.Role role,
                         Map<String, String> schoolNames, boolean nationalCollection, Locale locale) {
    }

    public LaOverviewPage(AttendanceFiguresQuery attendance, NationalFigures national, HubProperties settings,
                          Clock clock, DisclosureSettings disclosure, SchoolQuery schools, ITemplateEngine templates) {
        this.schools = schools;
        this.templates = templates;
        this.rule = new DisclosureControl(disclosure.smallestCount());
        this.attendance = attendance;
        this.national = national;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/la/overview")
    public String overview(@RequestParam(required = false) String on, Authentication authentication, Model model,
                           HttpServletRequest request, HttpServletResponse response) {
        HubUser user = SignedIn.user(authentication);
        Map<String, String> schoolNames = schools.ofLa(settings.la());
        List<AggregateTable> tables = tables(on, user, model, schoolNames);
        TableDownloads.link(model, "/la/overview", tables);
        model.addAttribute("la", national.laName(settings.la()));
        model.addAttribute("cohortsExportable", user.may(Capability.PUPIL_EXPORT));
        model.addAttribute("schoolLinks", user.may(Capability.SCHOOL_PAGE));
        AttendanceFiguresQuery.Figures figures = (AttendanceFiguresQuery.Figures) model.getAttribute("figures");
        Locale locale = RequestContextUtils.getLocale(request);
        Drawn key = new Drawn(figures, user.role(), schoolNames, national.fromNationalCollection(figures.asOf()),
                locale);
        String html;
        synchronized (drawn) {
            html = drawn.get(key);
        }
        if (html == null) {
            // Drawn from the same model, by the same fragments, as the page itself would draw it.
            WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(
                    request.getServletContext()).buildExchange(request, response), locale, model.asMap());
            html = templates.process("fragments/la-overview-figures", Set.of("figures"), context);
            synchronized (drawn) {
                drawn.put(key, html);
            }
        }
        model.addAttribute("figuresHtml", html);
        return "la-overview";
    }

    /** One of the page's tables as CSV or XLSX, as the page shows it to this user. */
    @GetMapping("/la/overview/{table}.{format}")
    public ResponseEntity<byte[]> download(@PathVariable String table, @PathVariable String format,
                                           @RequestParam(required = false) String on, Authentication authentication) {
        Model model = new ExtendedModelMap();
        List<AggregateTable> tables = tables(on, SignedIn.user(authentication), model, schools.ofLa(settings.la()));
        AttendanceFiguresQuery.Figures figures = (AttendanceFiguresQuery.Figures) model.getAttribute("figures");
        return TableDownloads.file(tables, table, format, "la-overview",
                "LA overview, " + national.laName(settings.la()) + ", figures to " + figures.asOf());
    }

    private List<AggregateTable> tables(String on, HubUser user, Model model, Map<String, String> schoolNames) {
        // Those who may open a pupil's record see exact figures; the others (the analyst) see them suppressed.
        List<AggregateTable> tables = new ArrayList<>(DashboardModel.add(model,
                attendance.forLa(on, LocalDate.now(clock)), national, settings.la(), user.role(),
                user.role().may(Capability.PUPIL_RECORD) ? DisclosureControl.NONE : rule, schoolNames));
        LocalDate asOf = ((AttendanceFiguresQuery.Figures) model.getAttribute("figures")).asOf();
        tables.add(DashboardTables.published(national.la(settings.la()), national.england(asOf),
                (String) model.getAttribute("comparatorsCaption"), (String) model.getAttribute("englandArea")));
        return tables;
    }
}
