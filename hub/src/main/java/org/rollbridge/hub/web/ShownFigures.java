package org.rollbridge.hub.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.rollbridge.core.disclosure.DisclosureControl;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;

/**
 * The dashboards' figures as a role is shown them: every count, rate and breakdown cell put through core's
 * {@link DisclosureControl} ({@link DisclosureControl#NONE} for a role that may see the pupils themselves). The
 * school and phase breakdowns each add up to the headline, so they get secondary suppression against it; the
 * cohorts overlap and add up to nothing shown, so theirs is primary only.
 */
public record ShownFigures(Period week, Period term, Period year, List<Row> schools, List<Row> phases, List<Row> cohorts,
                    boolean trendShown) {

    private static final String NONE = "-";

    /** The headline of one period. */
    public record Period(String attendance, String absence, String authorisedRate, String unauthorisedRate, String pupils,
                  String persistent, String persistentRate, String severe) {

        static Period of(AttendanceFiguresQuery.Counts c, DisclosureControl rule) {
            return new Period(rule.rate(c.attendance(), NONE, c.pupils()), rule.rate(c.absence(), NONE, c.pupils()),
                    rule.rate(c.authorisedRate(), NONE, c.pupils()),
                    rule.rate(c.unauthorisedRate(), NONE, c.pupils()), rule.count(c.pupils()),
                    rule.count(c.persistent()), rule.rate(c.persistentRate(), NONE, c.persistent(), c.reportable()),
                    rule.count(c.severe()));
        }
    }

    /** A line of a breakdown. */
    public record Row(String key, String label, String pupils, String weekAbsence, String termAbsence, String yearAbsence,
               String persistent, String severe) {
    }

    /** The same figures with each school's line labelled with its name and LAESTAB where the name is known. */
    ShownFigures named(java.util.Map<String, String> schoolNames) {
        List<Row> named = schools.stream().map(r -> {
            String name = schoolNames.get(r.key());
            return name == null || name.isBlank() ? r : new Row(r.key(),
                    org.rollbridge.hub.access.SchoolQuery.label(r.key(), name), r.pupils(),
                    r.weekAbsence(), r.termAbsence(), r.yearAbsence(), r.persistent(), r.severe());
        }).toList();
        return new ShownFigures(week, term, year, named, phases, cohorts, trendShown);
    }

    static ShownFigures of(AttendanceFiguresQuery.Figures figures, List<AttendanceFiguresQuery.Row> cohorts,
                           DisclosureControl rule) {
        AttendanceFiguresQuery.Counts total = figures.total().year();
        return new ShownFigures(Period.of(figures.total().week(), rule), Period.of(figures.total().term(), rule),
                Period.of(total, rule), rows(figures.schools(), total, rule), rows(figures.phases(), total, rule),
                rows(cohorts, null, rule), !rule.small(total.pupils()));
    }

    /** A breakdown; with a {@code total}, its lines add up to it and a lone suppressed cell takes another along. */
    private static List<Row> rows(List<AttendanceFiguresQuery.Row> rows, AttendanceFiguresQuery.Counts total,
                                  DisclosureControl rule) {
        String[] pupils = column(rows, total, AttendanceFiguresQuery.Counts::pupils, rule);
        String[] persistent = column(rows, total, AttendanceFiguresQuery.Counts::persistent, rule);
        String[] severe = column(rows, total, AttendanceFiguresQuery.Counts::severe, rule);
        List<Row> shown = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AttendanceFiguresQuery.Row r = rows.get(i);
            boolean hidden = DisclosureControl.SUPPRESSED.equals(pupils[i]);
            shown.add(new Row(r.key(), r.label(), pupils[i], rate(hidden, r.periods().week(), rule),
                    rate(hidden, r.periods().term(), rule), rate(hidden, r.periods().year(), rule), persistent[i],
                    severe[i]));
        }
        return shown;
    }

    private static String rate(boolean hidden, AttendanceFiguresQuery.Counts c, DisclosureControl rule) {
        BigDecimal absence = c.absence();
        return hidden ? DisclosureControl.SUPPRESSED : rule.rate(absence, NONE, c.pupils());
    }

    private static String[] column(List<AttendanceFiguresQuery.Row> rows, AttendanceFiguresQuery.Counts total,
                                   ToLongFunction<AttendanceFiguresQuery.Counts> count, DisclosureControl rule) {
        long[] cells = rows.stream().mapToLong(r -> count.applyAsLong(r.periods().year())).toArray();
        if (total != null) {
            return rule.cells(count.applyAsLong(total), cells);
        }
        return rows.stream().map(r -> rule.count(count.applyAsLong(r.periods().year()))).toArray(String[]::new);
    }
}
