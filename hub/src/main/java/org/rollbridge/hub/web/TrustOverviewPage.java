package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rollbridge.core.disclosure.DisclosureControl;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.hub.DisclosureSettings;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.OrganisationLink;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.attendance.AsOfDate;
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
 * The trust viewer's overview: the same figures as the LA's, for the trust's schools only and only for the weeks
 * each school was in the trust (a school that joined in January counts from January; one that left counts up to
 * its last day in the trust). Aggregates only, under disclosure control, and no cohort drawn from fields the
 * trust may not see.
 */
@Hidden
@Controller
public class TrustOverviewPage {

    private final AttendanceFiguresQuery attendance;
    private final NationalFigures national;
    private final Organisations organisations;
    private final SchoolQuery schools;
    private final HubProperties settings;
    private final Clock clock;
    private final DisclosureControl rule;

    public TrustOverviewPage(AttendanceFiguresQuery attendance, NationalFigures national, Organisations organisations,
                             SchoolQuery schools, HubProperties settings, Clock clock, DisclosureSettings disclosure) {
        this.schools = schools;
        this.rule = new DisclosureControl(disclosure.smallestCount());
        this.attendance = attendance;
        this.national = national;
        this.organisations = organisations;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/trust")
    public String overview(@RequestParam(required = false) String on, Authentication authentication, Model model) {
        TableDownloads.link(model, "/trust", tables(on, SignedIn.user(authentication), model));
        return "trust-overview";
    }

    /** One of the page's tables as CSV or XLSX, under the page's disclosure control. */
    @GetMapping("/trust/{table}.{format}")
    public ResponseEntity<byte[]> download(@PathVariable String table, @PathVariable String format,
                                           @RequestParam(required = false) String on, Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        Model model = new ExtendedModelMap();
        List<AggregateTable> tables = tables(on, user, model);
        return TableDownloads.file(tables, table, format, "trust", "Trust overview, "
                + organisations.trustName(user.organisation()) + ", figures to " + ((AttendanceFiguresQuery.Figures) model.getAttribute("figures")).asOf());
    }

    private List<AggregateTable> tables(String on, HubUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Period> everMember = membership(user, Period.academicYearContaining(today));
        LocalDate asOf = AsOfDate.chosen(on, attendance.latestMarkedDay(everMember.keySet(), today).orElse(null),
                today);
        LocalDate yearStart = Period.academicYearContaining(asOf).from();
        Map<String, Period> scope = membership(user, new Period(yearStart, asOf.isBefore(yearStart) ? yearStart : asOf));
        model.addAttribute("trust", organisations.trustName(user.organisation()));
        return DashboardModel.add(model, attendance.figures(asOf, scope), national, settings.la(), user.role(), rule,
                schools.ofLa(settings.la()));
    }

    /** The trust's schools during a period, each with the span of its membership within it. */
    private Map<String, Period> membership(HubUser user, Period year) {
        Map<String, Period> schools = new TreeMap<>();
        for (OrganisationLink link : organisations.graph().links()) {
            if (!link.parent().equals(user.organisation())) {
                continue;
            }
            year.intersect(link.from(), link.to()).ifPresent(p -> schools.merge(link.school(), p, (a, b) ->
                    new Period(a.from().isBefore(b.from()) ? a.from() : b.from(),
                            a.to().isAfter(b.to()) ? a.to() : b.to())));
        }
        return schools;
    }
}
