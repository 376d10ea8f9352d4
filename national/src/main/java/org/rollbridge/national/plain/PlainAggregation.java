package org.rollbridge.national.plain;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.indicators.AttendanceTally;
import org.rollbridge.core.indicators.IndicatorScope;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilKey;
import org.rollbridge.national.figures.DfeTable.PeriodResult;
import org.rollbridge.national.figures.PeriodKind;
import org.rollbridge.national.figures.SchoolTotals;
import org.rollbridge.national.synth.NationGenerator;

/**
 * The national figures in plain Java on one thread, straight from the daily extracts, through core's indicators:
 * each pupil's marks (the latest delivery of each session winning) go through {@link AttendanceTally}, as the hub
 * measures a pupil. The reference the Spark aggregation is checked against, and its baseline in the benchmark.
 */
public final class PlainAggregation {

    /** The figures and how many session rows were read. */
    public record Result(List<PeriodResult> periods, long rowsRead) {
    }

    private PlainAggregation() {
    }

    public static Result run(Path input, LocalDate asOf) throws IOException {
        Map<String, List<Path>> bySchool = new TreeMap<>();
        Path daily = input.resolve(NationGenerator.DAILY);
        for (Path day : deliveries(daily, asOf)) {
            try (Stream<Path> schools = Files.list(day)) {
                schools.sorted().forEach(s -> {
                    Path f = s.resolve("sessions.csv");
                    if (Files.isRegularFile(f)) {
                        bySchool.computeIfAbsent(s.getFileName().toString(), k -> new ArrayList<>()).add(f);
                    }
                });
            }
        }
        Period year = PeriodKind.YEAR_TO_DATE.range(asOf);
        int yearDays = (int) (asOf.toEpochDay() - year.from().toEpochDay() + 1);
        Map<PeriodKind, boolean[]> collection = new HashMap<>();
        Map<PeriodKind, List<SchoolTotals>> totals = new HashMap<>();
        for (PeriodKind p : PeriodKind.values()) {
            collection.put(p, new boolean[yearDays]);
            totals.put(p, new ArrayList<>());
        }
        long rows = 0;
        for (Map.Entry<String, List<Path>> school : bySchool.entrySet()) {
            Map<String, String[]> marks = new HashMap<>();
            for (Path f : school.getValue()) {      // deliveries in date order: a later one replaces a session
                rows += read(f, year, marks);
            }
            for (PeriodKind p : PeriodKind.values()) {
                measure(school.getKey(), p, asOf, year, marks, collection.get(p)).ifPresent(totals.get(p)::add);
            }
        }
        List<PeriodResult> out = new ArrayList<>();
        for (PeriodKind p : PeriodKind.values()) {
            boolean[] days = collection.get(p);
            long n = 0;
            for (boolean d : days) {
                n += d ? 1 : 0;
            }
            out.add(new PeriodResult(p, totals.get(p), n));
        }
        return new Result(out, rows);
    }

    /** Delivery folders named by date, up to as-of, in date order. */
    public static List<Path> deliveries(Path daily, LocalDate asOf) throws IOException {
        try (Stream<Path> days = Files.list(daily)) {
            return days.filter(Files::isDirectory).filter(d -> {
                try {
                    return !LocalDate.parse(d.getFileName().toString()).isAfter(asOf);
                } catch (DateTimeParseException e) {
                    return false;
                }
            }).sorted().toList();
        }
    }

    /**
     * Reads one delivery into the school's marks: each session it carries replaces what earlier deliveries said.
     * A session sent twice in one delivery keeps the greater code, as the Spark job does.
     */
    private static long read(Path file, Period year, Map<String, String[]> marks) throws IOException {
        long rows = 0;
        int slots = 2 * (int) (year.to().toEpochDay() - year.from().toEpochDay() + 1);
        Map<String, Map<Integer, String>> delivery = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows++;
                LocalDate date;
                Session session;
                try {
                    date = LocalDate.parse(r.get("date").strip());
                    session = Session.valueOf(r.get("session").strip().toUpperCase(java.util.Locale.ROOT));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    continue;       // the validator reports unreadable rows; they count for nothing
                }
                if (year.contains(date)) {
                    int slot = 2 * (int) (date.toEpochDay() - year.from().toEpochDay()) + session.ordinal();
                    delivery.computeIfAbsent(r.get("upn"), k -> new HashMap<>())
                            .merge(slot, r.get("code"), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
        }
        delivery.forEach((upn, sessions) -> {
            String[] pupil = marks.computeIfAbsent(upn, k -> new String[slots]);
            sessions.forEach((slot, code) -> pupil[slot] = code);
        });
        return rows;
    }

    private static Optional<SchoolTotals> measure(String urn, PeriodKind kind, LocalDate asOf, Period year,
                                                  Map<String, String[]> marks, boolean[] collection) {
        Period range = kind.range(asOf);
        IndicatorScope scope = new IndicatorScope(range, asOf, null, null, false,
                IndicatorScope.DEFAULT_NOTABLE_STREAK_DAYS);
        long[] sessions = new long[AttendanceCode.values().length];
        boolean[] open = new boolean[collection.length];
        long pupils = 0;
        long reportable = 0;
        long persistent = 0;
        long pupilDays = 0;
        int first = (int) (range.from().toEpochDay() - year.from().toEpochDay());
        int last = (int) (asOf.toEpochDay() - year.from().toEpochDay());
        for (Map.Entry<String, String[]> pupil : marks.entrySet()) {
            AttendanceTally tally = new AttendanceTally(new PupilKey(urn, pupil.getKey()), scope);
            long days = 0;
            long counted = 0;
            for (int day = first; day <= last; day++) {
                LocalDate date = year.from().plusDays(day);
                boolean possibleToday = false;
                for (Session s : Session.values()) {
                    String text = pupil.getValue()[2 * day + s.ordinal()];
                    if (text == null) {
                        continue;
                    }
                    Optional<AttendanceCode> code = AttendanceCode.interpret(text, date);
                    tally.accept(date, s, code);
                    if (code.isPresent() && code.get().possible()) {
                        sessions[code.get().ordinal()]++;
                        counted++;
                        possibleToday = true;
                    }
                }
                if (possibleToday) {
                    days++;
                    open[day] = true;
                }
            }
            PupilAttendance a = tally.result();
            if (a.possibleSessions() != counted) {
                throw new IllegalStateException("pupil sessions disagree with core's tally at school " + urn);
            }
            if (days > 0) {
                pupils++;
                pupilDays += days;
                reportable += a.reportable() ? 1 : 0;
                persistent += a.persistentAbsence() ? 1 : 0;
            }
        }
        long openDays = 0;
        for (int d = 0; d < open.length; d++) {
            if (open[d]) {
                openDays++;
                collection[d] = true;
            }
        }
        return pupils == 0 ? Optional.empty()
                : Optional.of(new SchoolTotals(kind, urn, sessions, pupils, reportable, persistent, pupilDays,
                        openDays));
    }
}
