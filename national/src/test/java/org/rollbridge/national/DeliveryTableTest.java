package org.rollbridge.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.national.figures.DfeTable.PeriodResult;
import org.rollbridge.national.figures.SchoolTotals;
import org.rollbridge.national.plain.PlainAggregation;
import org.rollbridge.national.spark.SparkAggregation;
import org.rollbridge.national.spark.SparkIngest;
import org.rollbridge.national.table.DeliveryTable;

/** Re-sent marks, a day delivered twice, a day delivered late, and reading an earlier version of the table. */
class DeliveryTableTest {

    static final LocalDate MON = LocalDate.of(2025, 9, 8);
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate WED = MON.plusDays(2);
    static final LocalDate THU = MON.plusDays(3);

    @TempDir
    Path input;

    private SchoolTotals yearToDate(DeliveryTable table, LocalDate asOf) throws Exception {
        List<PeriodResult> spark = SparkAggregation.run(SharedSpark.get(), table, asOf);
        List<PeriodResult> plain = PlainAggregation.run(input, asOf).periods();
        assertThat(spark).isEqualTo(plain);
        return spark.get(0).totals().get(0);
    }

    @Test
    void aResentMarkReplacesTheEarlierOneAndTheSameDayTwiceChangesNothing() throws Exception {
        Deliveries d = new Deliveries(input);
        d.deliver(MON, "100001", "A,2025-09-08,AM,N", "A,2025-09-08,PM,/", "B,2025-09-08,AM,/", "B,2025-09-08,PM,\\");
        d.deliver(TUE, "100001", "A,2025-09-08,AM,I", "A,2025-09-09,AM,I", "A,2025-09-09,PM,I",
                "B,2025-09-09,AM,L", "B,2025-09-09,PM,\\");
        DeliveryTable table = new DeliveryTable(input.resolve("table"));

        SparkIngest.Outcome first = SparkIngest.ingest(SharedSpark.get(), input, table, TUE);
        assertThat(first.ingested()).containsExactly("2025-09-08", "2025-09-09");
        SchoolTotals t = yearToDate(table, TUE);
        assertThat(t.sessions(AttendanceCode.I)).isEqualTo(3);
        assertThat(t.sessions(AttendanceCode.N)).isZero();
        assertThat(t.sessions(AttendanceCode.L)).isEqualTo(1);
        assertThat(t.pupils()).isEqualTo(2);

        SparkIngest.Outcome again = SparkIngest.ingest(SharedSpark.get(), input, table, TUE);
        assertThat(again.ingested()).isEmpty();
        assertThat(again.version()).isEqualTo(first.version());

        Thread.sleep(5);    // the same files sent again: a new fingerprint, the same figures
        d.deliver(TUE, "100001", "A,2025-09-08,AM,I", "A,2025-09-09,AM,I", "A,2025-09-09,PM,I",
                "B,2025-09-09,AM,L", "B,2025-09-09,PM,\\");
        SparkIngest.Outcome resent = SparkIngest.ingest(SharedSpark.get(), input, table, TUE);
        assertThat(resent.ingested()).containsExactly("2025-09-09");
        assertThat(yearToDate(table, TUE)).isEqualTo(t);
    }

    @Test
    void aLateDayTakesItsPlaceByDateNotByArrival() throws Exception {
        Deliveries d = new Deliveries(input);
        d.deliver(MON, "100002", "A,2025-09-08,AM,N", "A,2025-09-08,PM,N");
        DeliveryTable table = new DeliveryTable(input.resolve("table"));
        SparkIngest.ingest(SharedSpark.get(), input, table, THU);
        // Thursday's extract arrives before Wednesday's: Thursday corrects Monday AM to C.
        d.deliver(THU, "100002", "A,2025-09-08,AM,C", "A,2025-09-11,AM,/", "A,2025-09-11,PM,\\");
        SparkIngest.ingest(SharedSpark.get(), input, table, THU);
        // Wednesday's arrives late, saying M for Monday AM: Thursday's later word stands.
        d.deliver(WED, "100002", "A,2025-09-08,AM,M", "A,2025-09-08,PM,G", "A,2025-09-10,AM,/",
                "A,2025-09-10,PM,\\");
        SparkIngest.Outcome late = SparkIngest.ingest(SharedSpark.get(), input, table, THU);
        assertThat(late.ingested()).containsExactly("2025-09-10");

        SchoolTotals t = yearToDate(table, THU);
        assertThat(t.sessions(AttendanceCode.C)).isEqualTo(1);
        assertThat(t.sessions(AttendanceCode.M)).isZero();
        assertThat(t.sessions(AttendanceCode.G)).isEqualTo(1);
        assertThat(t.sessions(AttendanceCode.N)).isZero();
        assertThat(t.sessions(AttendanceCode.PRESENT_AM)).isEqualTo(2);
        assertThat(t.openDays()).isEqualTo(3);

        // Time travel: the first version still names Monday alone.
        assertThat(table.version(1).entries()).containsOnlyKeys("2025-09-08");
        assertThat(table.latest().entries()).containsOnlyKeys("2025-09-08", "2025-09-10", "2025-09-11");
    }

    /**
     * Two marks for one session in one delivery: the greater code as text wins, whatever the file order, as the
     * plain pass decides it; a winner that is not a code counts for nothing.
     */
    @Test
    void withinOneDeliveryTheGreaterCodeWins() throws Exception {
        Deliveries d = new Deliveries(input);
        d.deliver(MON, "100003", "A,2025-09-08,AM,N", "A,2025-09-08,AM,I", "A,2025-09-08,PM,\\",
                "B,2025-09-08,AM,M", "B,2025-09-08,AM,c", "B,2025-09-08,PM,/", "B,2025-09-08,PM,not a code",
                "C,2025-09-08,AM,C1", "C,2025-09-08,AM,C", "C,2025-09-08,PM,C2", "C,2025-09-08,PM,C2X");
        DeliveryTable table = new DeliveryTable(input.resolve("table"));
        SparkIngest.ingest(SharedSpark.get(), input, table, MON);

        SchoolTotals t = yearToDate(table, MON);
        assertThat(t.sessions(AttendanceCode.N)).isEqualTo(1);
        assertThat(t.sessions(AttendanceCode.I)).isZero();
        assertThat(t.sessions(AttendanceCode.C)).isEqualTo(1);       // "c" is greater than "M"
        assertThat(t.sessions(AttendanceCode.M)).isZero();
        assertThat(t.sessions(AttendanceCode.PRESENT_AM)).isZero();  // "not a code" is greater than "/"
        assertThat(t.sessions(AttendanceCode.C1)).isEqualTo(1);      // "C1" is greater than "C"
        assertThat(t.sessions(AttendanceCode.C2)).isZero();          // "C2X" is greater than "C2"
        assertThat(t.pupils()).isEqualTo(3);
    }
}
