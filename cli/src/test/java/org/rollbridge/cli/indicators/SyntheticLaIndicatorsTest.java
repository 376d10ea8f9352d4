package org.rollbridge.cli.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.core.indicators.IndicatorRun;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PupilReport;
import org.rollbridge.core.indicators.alerts.Alert;
import org.rollbridge.core.indicators.alerts.AlertId;
import org.rollbridge.core.indicators.alerts.AlertRules;
import org.rollbridge.synth.Settings;
import org.rollbridge.synth.SyntheticLa;

/** Every streak and child missing education the synthetic LA's generator made is found in its files. */
class SyntheticLaIndicatorsTest {

    static final LocalDate FROM = LocalDate.of(2025, 9, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 20);

    @TempDir
    static Path la;

    static List<PupilReport> reports;
    static List<CSVRecord> events;
    /** person and school -> every UPN the school wrote for the person (errors included), and the true UPN. */
    static Map<String, Set<String>> upnsWritten = new HashMap<>();

    @BeforeAll
    static void generateAndMeasure() throws IOException {
        SyntheticLa.generate(new Settings("926", 6, 1500, FROM, TO, 11, 0.02, 0.01), la);
        IndicatorRun run = new IndicatorRun();
        IndicatorInputs inputs = new IndicatorInputs(run, new PrintWriter(new StringWriter()));
        for (Path file : IndicatorInputs.files(List.of(la.resolve("schools")))) {
            inputs.read(file);
        }
        assertThat(inputs.unreadableFiles()).isZero();
        reports = run.run(new Period(FROM, TO), TO, AlertRules.defaults());
        events = csv(la.resolve("truth/events.csv"));

        Map<String, String> personOf = new HashMap<>();
        for (CSVRecord r : csv(la.resolve("truth/people.csv"))) {
            personOf.put(r.get("record_id"), r.get("person_id"));
        }
        for (CSVRecord r : csv(la.resolve("la/incoming.csv"))) {
            String id = r.get("id");
            String school = id.substring(0, id.indexOf('-'));
            upnsWritten.computeIfAbsent(personOf.get(id) + "@" + school, k -> new HashSet<>()).add(r.get("upn"));
        }
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    /** The alerts of the pupil an event is about, at the event's school, under any UPN the school wrote. */
    static List<Alert> alertsFor(CSVRecord event, AlertId id) {
        Set<String> upns = new HashSet<>(upnsWritten.getOrDefault(
                event.get("person_id") + "@" + event.get("laestab"), Set.of()));
        upns.add(event.get("upn"));
        List<Alert> out = new ArrayList<>();
        for (PupilReport r : reports) {
            if (r.key().laestab().equals(event.get("laestab")) && upns.contains(r.key().upn())) {
                r.alerts().stream().filter(a -> a.id() == id).forEach(out::add);
            }
        }
        return out;
    }

    static List<CSVRecord> events(String kind) {
        return events.stream().filter(e -> e.get("kind").equals(kind)).toList();
    }

    @Test
    void everyGeneratedStreakIsFoundWithItsDates() {
        for (String kind : List.of("ABSENCE_STREAK_10", "UNAUTHORISED_STREAK_10")) {
            AlertId id = kind.startsWith("ABSENCE") ? AlertId.CONSECUTIVE_ABSENCE_10
                    : AlertId.CONSECUTIVE_UNAUTHORISED_10;
            List<CSVRecord> truth = events(kind);
            assertThat(truth).as(kind).isNotEmpty();
            for (CSVRecord e : truth) {
                assertThat(alertsFor(e, id)).as("%s %s", kind, e)
                        .anySatisfy(a -> {
                            assertThat(a.situation()).isEqualTo("from:" + e.get("date_from"));
                            assertThat(a.observedOn()).isEqualTo(LocalDate.parse(e.get("date_to")));
                        });
            }
        }
    }

    @Test
    void noStreakAlertWithoutAGeneratedStreak() {
        Set<String> truth = new HashSet<>();
        for (CSVRecord e : events) {
            if (e.get("kind").endsWith("STREAK_10")) {
                truth.add(e.get("laestab") + "|" + e.get("date_from") + "|" + e.get("date_to"));
            }
        }
        for (PupilReport r : reports) {
            for (Alert a : r.alerts()) {
                if (a.id() == AlertId.CONSECUTIVE_ABSENCE_10 || a.id() == AlertId.CONSECUTIVE_UNAUTHORISED_10) {
                    assertThat(truth).as("%s %s", r.key(), a)
                            .contains(r.key().laestab() + "|" + a.situation().substring(5) + "|" + a.observedOn());
                }
            }
        }
    }

    @Test
    void everyChildMissingEducationIsFound() {
        List<CSVRecord> cme = events("LEFT_NO_DESTINATION");
        assertThat(cme).isNotEmpty();
        for (CSVRecord e : cme) {
            assertThat(alertsFor(e, AlertId.LEFT_NO_DESTINATION)).as(e.toString()).isNotEmpty();
        }
        // Anyone else flagged did leave for nowhere in the LA (out of the LA, the school recording no destination).
        Set<String> leftTheLa = new HashSet<>();
        for (CSVRecord e : events) {
            if (e.get("kind").equals("LEFT_NO_DESTINATION") || e.get("kind").equals("LEFT_OUT_OF_LA")) {
                leftTheLa.add(e.get("laestab") + "|" + e.get("upn"));
            }
        }
        for (PupilReport r : reports) {
            if (r.alertIds().contains(AlertId.LEFT_NO_DESTINATION)) {
                assertThat(leftTheLa).as(r.key().toString()).contains(r.key().laestab() + "|" + r.key().upn());
            }
        }
    }

    @Test
    void partTimeTimetablesAndNonStandardJoinersAreFound() {
        for (CSVRecord e : events("PART_TIME")) {
            assertThat(alertsFor(e, AlertId.REDUCED_TIMETABLE)).as(e.toString()).isNotEmpty();
        }
        for (CSVRecord e : events("JOINED_NON_STANDARD")) {
            assertThat(alertsFor(e, AlertId.NEW_TO_ROLL_NON_STANDARD)).as(e.toString()).isNotEmpty();
        }
    }
}
