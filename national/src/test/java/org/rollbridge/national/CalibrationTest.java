package org.rollbridge.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.national.figures.DfeTable;
import org.rollbridge.national.figures.SchoolRegister;
import org.rollbridge.national.plain.PlainAggregation;
import org.rollbridge.national.reference.Phase;
import org.rollbridge.national.reference.PublishedFigures;
import org.rollbridge.national.synth.NationGenerator;

/**
 * Every LA in England at a modest size (each LA and phase at its share of 20,000 pupils, and at least 60), over
 * three weeks of term: la_phase.csv reproduces the published absence and persistent absence rate of every LA and
 * phase within 0.2 percentage points. Measured through the plain-Java pass, which the differential test holds equal
 * to Spark's.
 */
class CalibrationTest {

    static final double TOLERANCE = 0.2;

    @TempDir
    Path dir;

    @Test
    void everyLaAndPhaseMatchesThePublishedRates() throws Exception {
        LocalDate from = LocalDate.of(2025, 9, 15);
        LocalDate to = LocalDate.of(2025, 10, 3);
        Path input = dir.resolve("nation");
        new NationGenerator(new NationGenerator.Settings(20_000, from, to, 7, input, 2)).generate();
        new DfeTable(SchoolRegister.read(input)).write(dir.resolve("out"), to,
                PlainAggregation.run(input, to).periods());

        PublishedFigures published = PublishedFigures.get();
        List<String> misses = new ArrayList<>();
        int compared = 0;
        try (Reader in = Files.newBufferedReader(dir.resolve("out/la_phase.csv"), StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            assertThat(parser.getHeaderNames()).isEqualTo(published.header());
            for (CSVRecord r : parser) {
                if (!r.get("geographic_level").equals(PublishedFigures.LOCAL_AUTHORITY)
                        || Phase.parse(r.get("education_phase")).isEmpty()) {
                    continue;
                }
                var row = published.la(r.get("old_la_code"), r.get("education_phase")).orElseThrow();
                if (row.suppressed("pa_perc")) {
                    continue;
                }
                compared++;
                for (String column : List.of("overall_absence_perc", "pa_perc")) {
                    double ours = Double.parseDouble(r.get(column));
                    if (Math.abs(ours - row.number(column)) > TOLERANCE) {
                        misses.add(r.get("la_name") + " " + r.get("education_phase") + " " + column + ": "
                                + ours + " against " + row.number(column));
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(400);
        assertThat(misses).isEmpty();
    }
}
