package org.rollbridge.national.figures;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rollbridge.national.figures.DfeColumns.Column;
import org.rollbridge.national.reference.Phase;
import org.rollbridge.national.reference.PublishedFigures;
import org.rollbridge.national.reference.PublishedFigures.LocalAuthority;

/**
 * Rolls school totals up to England, each region and each LA, by phase and in total, and writes them with the
 * DfE's published columns, order and number formats. Disclosure control: an LA and phase with one school is
 * suppressed as the DfE publishes it; at school level any count from 1 to 9 is {@code c}, and so is a rate whose
 * numerator is suppressed.
 */
public final class DfeTable {

    public static final String SCHOOL_FILE = "school.csv";
    private static final String SUPPRESSED = "c";

    /** One output row before formatting. */
    public record Line(String level, LocalAuthority area, String urn, String phase, Figures figures) {
    }

    private final SchoolRegister register;
    private final PublishedFigures published = PublishedFigures.get();

    public DfeTable(SchoolRegister register) {
        this.register = register;
    }

    /** England, regional and LA lines, each by phase and "Total", in a stable order. */
    public List<Line> rollUp(List<SchoolTotals> totals) {
        Map<String, Figures> groups = new TreeMap<>();
        Map<String, Line> keys = new TreeMap<>();
        for (SchoolTotals t : totals) {
            SchoolRegister.School s = register.school(t.urn()).orElse(null);
            if (s == null) {
                continue;
            }
            LocalAuthority la = published.authority(s.laCode()).orElse(
                    new LocalAuthority(s.laCode(), "", "", "", ""));
            for (String phase : List.of(s.phase().published(), Phase.TOTAL)) {
                String p = phaseOrder(phase);
                add(groups, keys, "1|" + p, new Line(PublishedFigures.NATIONAL, null, null, phase, null), t);
                add(groups, keys, "2|" + la.regionCode() + "|" + p, new Line(PublishedFigures.REGIONAL,
                        new LocalAuthority("", "", "", la.regionCode(), la.regionName()), null, phase, null), t);
                add(groups, keys, "3|" + la.regionCode() + "|" + la.oldCode() + "|" + p,
                        new Line(PublishedFigures.LOCAL_AUTHORITY, la, null, phase, null), t);
            }
        }
        List<Line> out = new ArrayList<>();
        keys.forEach((k, line) -> out.add(new Line(line.level(), line.area(), null, line.phase(), groups.get(k))));
        return out;
    }

    /** One line per school, for the school-level file. */
    public List<Line> schools(List<SchoolTotals> totals) {
        List<Line> out = new ArrayList<>();
        totals.stream().sorted(Comparator.comparing(SchoolTotals::urn)).forEach(t -> register.school(t.urn())
                .ifPresent(s -> out.add(new Line("School", published.authority(s.laCode()).orElse(
                        new LocalAuthority(s.laCode(), "", "", "", "")), t.urn(), s.phase().published(),
                        new Figures().add(t)))));
        return out;
    }

    private static String phaseOrder(String phase) {
        return Phase.parse(phase).map(p -> String.valueOf(p.ordinal())).orElse("9");
    }

    private static void add(Map<String, Figures> groups, Map<String, Line> keys, String key, Line line,
                            SchoolTotals t) {
        keys.putIfAbsent(key, line);
        groups.computeIfAbsent(key, k -> new Figures()).add(t);
    }

    /** One period's results: the school totals and the number of days with any possible session. */
    public record PeriodResult(PeriodKind period, List<SchoolTotals> totals, long collectionDays) {
    }

    /** Writes {@code la_phase.csv} (and the term and week files) and the school-level file into {@code dir}. */
    public void write(Path dir, LocalDate asOf, List<PeriodResult> results) throws IOException {
        Files.createDirectories(dir);
        List<String> schoolHeader = new ArrayList<>(published.header());
        schoolHeader.add(schoolHeader.indexOf("old_la_code") + 1, "school_urn");
        try (Writer schools = open(dir.resolve(SCHOOL_FILE), schoolHeader)) {
            for (PeriodResult r : results) {
                try (Writer areas = open(dir.resolve(r.period().fileName()), published.header())) {
                    writeLines(areas, rollUp(r.totals()), asOf, r);
                }
                writeLines(schools, schools(r.totals()), asOf, r);
            }
        }
    }

    private static Writer open(Path file, List<String> header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(String.join(",", header.stream().map(DfeTable::quote).toList()));
        w.write('\n');
        return w;
    }

    private static void writeLines(Writer w, List<Line> lines, LocalDate asOf, PeriodResult r) throws IOException {
        for (Line line : lines) {
            List<String> cells = new ArrayList<>();
            cells.add(quote(PeriodKind.timePeriod(asOf)));
            cells.add(quote(line.level()));
            cells.add(quote("E92000001"));
            cells.add(quote("England"));
            boolean national = line.level().equals(PublishedFigures.NATIONAL);
            boolean la = line.level().equals(PublishedFigures.LOCAL_AUTHORITY) || line.urn() != null;
            cells.add(quote(national ? "" : line.area().regionCode()));
            cells.add(quote(national ? "" : line.area().regionName()));
            cells.add(quote(la ? line.area().newCode() : ""));
            cells.add(quote(la ? line.area().name() : ""));
            cells.add(quote(la ? line.area().oldCode() : ""));
            if (line.urn() != null) {
                cells.add(quote(line.urn()));
            }
            cells.add(quote(line.phase()));
            cells.addAll(measures(line, r.collectionDays()));
            cells.add(quote(r.period().timeIdentifier(asOf)));
            w.write(String.join(",", cells));
            w.write('\n');
        }
    }

    private static List<String> measures(Line line, long collectionDays) {
        Figures f = line.figures();
        boolean school = line.urn() != null;
        boolean oneSchoolArea = line.level().equals(PublishedFigures.LOCAL_AUTHORITY) && f.schools() == 1;
        List<String> out = new ArrayList<>();
        for (Column c : DfeColumns.MEASURES) {
            long count = c.count().applyAsLong(f);
            boolean hidden = switch (c.kind()) {
                case MEAN_UNQUOTED, SCHOOLS -> false;
                case MEAN, COUNT -> oneSchoolArea || school && small(count);
                case PERCENT -> oneSchoolArea || school && (small(count) || small(DfeColumns.denominator(c, f)));
            };
            if (hidden) {
                out.add(quote(SUPPRESSED));
                continue;
            }
            out.add(switch (c.kind()) {
                case MEAN_UNQUOTED -> DfeNumber.format(collectionDays == 0 ? 0 : (double) count / collectionDays);
                case MEAN -> quote(DfeNumber.format(collectionDays == 0 ? 0 : (double) count / collectionDays));
                case SCHOOLS -> String.valueOf(count);
                case COUNT -> quote(String.valueOf(count));
                case PERCENT -> {
                    long whole = DfeColumns.denominator(c, f);
                    yield quote(whole == 0 ? "z" : DfeNumber.format(100.0 * count / whole));
                }
            });
        }
        return out;
    }

    /** Counts from 1 to 9 could identify a pupil below LA level. */
    private static boolean small(long count) {
        return count >= 1 && count <= 9;
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
