package org.rollbridge.hub.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;
import org.rollbridge.hub.exports.AggregateTable;

/**
 * The dashboards' tables as downloads: built from the same figures the page shows, after the same disclosure
 * control ({@link ShownFigures}, the national page's lines), so a download holds exactly the cells of its table on
 * the page, with {@code c} where the page has {@code c}.
 */
final class DashboardTables {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    static final List<String> BREAKDOWN = List.of("Pupils", "Absence % this week", "Absence % this term",
            "Absence % year to date", "Persistently absent", "Severely absent");
    private static final String NONE = "-";

    private DashboardTables() {
    }

    /** The headline table: each measure this week, this term, the year to date, and England's and the LA's year. */
    static AggregateTable headline(AttendanceFiguresQuery.Figures figures, ShownFigures shown, NationalFigures.Row england,
                                   NationalFigures.Row la, String englandLabel, String laLabel) {
        List<String> header = List.of("Measure", "This week (from " + DAY_MONTH.format(figures.weekFrom()) + ")",
                "This term", "Year to date", englandLabel, laLabel);
        List<List<String>> rows = new ArrayList<>();
        rows.add(measure("Attendance %", shown, ShownFigures.Period::attendance, england, la,
                NationalFigures.Row::attendance, true));
        rows.add(measure("Overall absence %", shown, ShownFigures.Period::absence, england, la,
                NationalFigures.Row::absence, true));
        rows.add(measure("Authorised absence %", shown, ShownFigures.Period::authorisedRate, england, la,
                NationalFigures.Row::authorised, true));
        rows.add(measure("Unauthorised absence %", shown, ShownFigures.Period::unauthorisedRate, england, la,
                NationalFigures.Row::unauthorised, true));
        rows.add(measure("Pupils with possible sessions", shown, ShownFigures.Period::pupils, null, null, null,
                true));
        rows.add(measure("Persistently absent (10% or more), pupils", shown, ShownFigures.Period::persistent, null,
                null, null, false));
        rows.add(measure("Persistent absence %", shown, ShownFigures.Period::persistentRate, england, la,
                NationalFigures.Row::persistentAbsence, false));
        rows.add(measure("Severely absent (50% or more), pupils", shown, ShownFigures.Period::severe, null, null,
                null, false));
        return new AggregateTable("headline", "Attendance and absence", header, rows);
    }

    private static List<String> measure(String label, ShownFigures shown, Function<ShownFigures.Period, String> cell,
                                        NationalFigures.Row england, NationalFigures.Row la,
                                        Function<NationalFigures.Row, BigDecimal> published, boolean weekly) {
        return List.of(label, weekly ? cell.apply(shown.week()) : NONE, cell.apply(shown.term()),
                cell.apply(shown.year()), published(england, published), published(la, published));
    }

    private static String published(NationalFigures.Row row, Function<NationalFigures.Row, BigDecimal> figure) {
        BigDecimal value = row == null || figure == null ? null : figure.apply(row);
        return value == null ? NONE : value.toString();
    }

    /** The weekly trend as its table on the page lists it (only when the page shows the trend). */
    static AggregateTable trend(List<AttendanceFiguresQuery.Week> weeks) {
        return new AggregateTable("trend", "Absence rate by school week", List.of("Week beginning", "Absence %"),
                weeks.stream().map(w -> List.of(w.start().toString(),
                        w.absence() == null ? NONE : w.absence().toPlainString())).toList());
    }

    /** A breakdown by school, phase or cohort. */
    static AggregateTable breakdown(String id, String caption, String group, List<ShownFigures.Row> rows) {
        List<String> header = new ArrayList<>(List.of(group));
        header.addAll(BREAKDOWN);
        return new AggregateTable(id, caption, header, rows.stream().map(r -> List.of(r.label(), r.pupils(),
                r.weekAbsence(), r.termAbsence(), r.yearAbsence(), r.persistent(), r.severe())).toList());
    }

    /**
     * The LA's published figures and England's beside them, England named with its source as the page names it
     * ({@code englandArea}) under the page's caption.
     */
    static AggregateTable published(List<NationalFigures.Row> la, List<NationalFigures.Row> england, String caption,
                                    String englandArea) {
        List<List<String>> rows = new ArrayList<>();
        la.forEach(r -> rows.add(publishedRow(r.laName(), r)));
        england.forEach(r -> rows.add(publishedRow(englandArea, r)));
        return new AggregateTable("published", caption, List.of("Area",
                "Phase", "Absence %", "Authorised %", "Unauthorised %", "Persistent absence %"), rows);
    }

    private static List<String> publishedRow(String area, NationalFigures.Row r) {
        // As the page prints them: a figure the DfE did not publish is an empty cell.
        return java.util.stream.Stream.of(r.absence(), r.authorised(), r.unauthorised(), r.persistentAbsence())
                .map(v -> v == null ? "" : v.toString())
                .collect(java.util.stream.Collectors.toCollection(() -> new ArrayList<>(List.of(area, r.phase()))));
    }
}
