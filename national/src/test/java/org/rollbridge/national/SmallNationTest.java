package org.rollbridge.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.national.figures.DfeTable;
import org.rollbridge.national.figures.DfeTable.PeriodResult;
import org.rollbridge.national.figures.SchoolRegister;
import org.rollbridge.national.plain.PlainAggregation;
import org.rollbridge.national.reference.PublishedFigures;
import org.rollbridge.national.spark.SparkAggregation;
import org.rollbridge.national.spark.SparkIngest;
import org.rollbridge.national.synth.NationGenerator;
import org.rollbridge.national.table.DeliveryTable;

/**
 * A small nation (three LAs in three regions, four weeks with re-sent marks and late joiners) through core's
 * indicators in plain Java and through Spark: the same figures, to the session, and the same files.
 */
class SmallNationTest {

    static final LocalDate FROM = LocalDate.of(2025, 9, 1);
    static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);

    @TempDir
    Path dir;

    @Test
    void sparkAndCoreAgreeExactly() throws Exception {
        Path input = dir.resolve("nation");
        new NationGenerator(new NationGenerator.Settings(12_000, FROM, AS_OF, 42, input, 2,
                Set.of("926", "211", "420"))).generate();

        List<PeriodResult> plain = PlainAggregation.run(input, AS_OF).periods();
        DeliveryTable table = new DeliveryTable(dir.resolve("table"));
        SparkIngest.ingest(SharedSpark.get(), input, table, AS_OF);
        List<PeriodResult> spark = SparkAggregation.run(SharedSpark.get(), table, AS_OF);

        assertThat(plain.get(0).totals()).hasSizeGreaterThan(5);
        assertThat(spark).isEqualTo(plain);

        SchoolRegister register = SchoolRegister.read(input);
        new DfeTable(register).write(dir.resolve("plain"), AS_OF, plain);
        new DfeTable(register).write(dir.resolve("spark"), AS_OF, spark);
        for (String f : List.of("la_phase.csv", "la_phase_term.csv", "la_phase_week.csv", "school.csv")) {
            assertThat(dir.resolve("spark").resolve(f)).hasSameTextualContentAs(dir.resolve("plain").resolve(f));
        }

        List<String> lines = Files.readAllLines(dir.resolve("spark/la_phase.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(Files.readAllLines(Path.of(PublishedFigures.class
                .getResource(PublishedFigures.RESOURCE).toURI())).get(0));
        assertThat(lines).anyMatch(l -> l.startsWith("\"202526\",\"National\""))
                .anyMatch(l -> l.startsWith("\"202526\",\"Regional\""))
                .anyMatch(l -> l.contains("\"Norfolk\",\"926\",\"Total\""));
    }
}
