package org.rollbridge.national.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.national.figures.DfeTable.PeriodResult;
import org.rollbridge.national.figures.PeriodKind;
import org.rollbridge.national.figures.SchoolTotals;
import org.rollbridge.national.table.DeliveryTable;

/**
 * The national figures on Spark, from the delivery table as of a date. Each session's mark is the one from the
 * latest delivery up to as-of ({@link LatestMark}); marks are counted by core's code groups ({@link CodeMap}) per
 * pupil, so that persistent absence uses each pupil's own possible sessions with core's thresholds, then summed
 * per school. Every aggregation keeps fixed-width buffers (longs), so Spark hashes rather than sorts; only the
 * columns read are decoded from Parquet. The school totals (tens of thousands of rows nationally) come back to
 * the driver for the roll-up.
 */
public final class SparkAggregation {

    private static final AttendanceCode[] CODES = AttendanceCode.values();
    /** Words of 64 open-day bits: an academic year to date has at most 366 days. */
    private static final int OPEN_DAY_WORDS = 6;
    private static final StructType SESSIONS = new StructType()
            .add("urn", DataTypes.StringType).add("upn", DataTypes.StringType).add("date", DataTypes.DateType)
            .add("session", DataTypes.StringType).add("code", DataTypes.StringType);

    private SparkAggregation() {
    }

    public static List<PeriodResult> run(SparkSession spark, DeliveryTable table, LocalDate asOf)
            throws IOException {
        DeliveryTable.Version version = table.latest();
        List<String> paths = new ArrayList<>();
        for (DeliveryTable.Entry e : version.entries().values()) {
            if (LocalDate.parse(e.delivery()).isAfter(asOf) || !hasData(table.dataDir(e))) {
                continue;
            }
            paths.add(table.dataDir(e).toUri().toString());
        }
        if (paths.isEmpty()) {
            return emptyResults();
        }
        LocalDate yearStart = PeriodKind.YEAR_TO_DATE.range(asOf).from();
        Dataset<Row> marks = spark.read().schema(SESSIONS)
                .option("basePath", table.sessions().toUri().toString())
                .parquet(paths.toArray(String[]::new))
                .filter(col("date").between(Date.valueOf(yearStart), Date.valueOf(asOf)));
        Column session = upper(trim(col("session")));
        Column mark = LatestMark.of();
        // Open days as bits (day of the year's index), so a school's open days and the collection days come back
        // with its totals from one hash aggregation, instead of a set of dates from a second pass over the days.
        Column dayIndex = datediff(col("date"), lit(Date.valueOf(yearStart)));
        Dataset<Row> days = marks.groupBy("urn", "upn", "date").agg(
                        max(when(session.equalTo("AM"), mark)).as("amMark"),
                        max(when(session.equalTo("PM"), mark)).as("pmMark"))
                .select(col("urn"), col("upn"), col("date"), LatestMark.counted(col("amMark")).as("am"),
                        LatestMark.counted(col("pmMark")).as("pm"))
                .filter(col("am").isNotNull().or(col("pm").isNotNull()))
                .withColumn("period", explode(array_compact(array(lit(PeriodKind.YEAR_TO_DATE.name()),
                        when(col("date").geq(Date.valueOf(PeriodKind.TERM.range(asOf).from())),
                                lit(PeriodKind.TERM.name())),
                        when(col("date").geq(Date.valueOf(PeriodKind.WEEK.range(asOf).from())),
                                lit(PeriodKind.WEEK.name()))))));
        List<Column> perCode = new ArrayList<>();
        for (AttendanceCode c : CODES) {
            if (c.possible()) {
                perCode.add(sum(when(col("am").equalTo(c.ordinal()), 1).otherwise(0)
                        .plus(when(col("pm").equalTo(c.ordinal()), 1).otherwise(0))).cast("long").as(c.name()));
            }
        }
        perCode.add(count(lit(1)).as("days"));
        for (int w = 0; w < OPEN_DAY_WORDS; w++) {
            perCode.add(bit_or(when(shiftright(dayIndex, 6).equalTo(w),
                    call_function("shiftleft", lit(1L), dayIndex.bitwiseAND(63)))).as("open" + w));
        }
        Dataset<Row> pupils = days.groupBy("period", "urn", "upn")
                .agg(perCode.get(0), perCode.subList(1, perCode.size()).toArray(Column[]::new));
        Column possible = lit(0L);
        Column absence = lit(0L);
        for (AttendanceCode c : CODES) {
            if (c.possible()) {
                possible = possible.plus(col(c.name()));
                absence = c.absence() ? absence.plus(col(c.name())) : absence;
            }
        }
        Column reportable = possible.geq(PupilAttendance.MINIMUM_POSSIBLE_SESSIONS);
        // Persistent absence as core defines it: absence * 100 >= possible * 10, for reportable pupils.
        Column persistent = reportable.and(absence.multiply(100).geq(possible.multiply(10)));
        List<Column> schoolSums = new ArrayList<>();
        for (AttendanceCode c : CODES) {
            if (c.possible()) {
                schoolSums.add(sum(col(c.name())).as(c.name()));
            }
        }
        schoolSums.add(count(lit(1)).as("pupils"));
        schoolSums.add(sum(when(reportable, 1).otherwise(0)).cast("long").as("reportable"));
        schoolSums.add(sum(when(persistent, 1).otherwise(0)).cast("long").as("persistent"));
        schoolSums.add(sum(col("days")).cast("long").as("pupilDays"));
        for (int w = 0; w < OPEN_DAY_WORDS; w++) {
            schoolSums.add(bit_or(col("open" + w)).as("open" + w));
        }
        List<Row> schools = pupils.groupBy("period", "urn")
                .agg(schoolSums.get(0), schoolSums.subList(1, schoolSums.size()).toArray(Column[]::new))
                .collectAsList();
        Map<PeriodKind, long[]> collectionDays = new EnumMap<>(PeriodKind.class);
        Map<PeriodKind, List<SchoolTotals>> totals = new EnumMap<>(PeriodKind.class);
        for (Row r : schools) {
            PeriodKind period = PeriodKind.valueOf(r.getString(0));
            long[] collection = collectionDays.computeIfAbsent(period, k -> new long[OPEN_DAY_WORDS]);
            int openDays = 0;
            for (int w = 0; w < OPEN_DAY_WORDS; w++) {
                int i = r.fieldIndex("open" + w);
                long open = r.isNullAt(i) ? 0 : r.getLong(i);        // no open day in this word's 64 days
                collection[w] |= open;
                openDays += Long.bitCount(open);
            }
            long[] sessions = new long[CODES.length];
            for (AttendanceCode c : CODES) {
                if (c.possible()) {
                    sessions[c.ordinal()] = r.getLong(r.fieldIndex(c.name()));
                }
            }
            totals.computeIfAbsent(period, k -> new ArrayList<>()).add(new SchoolTotals(period, r.getString(1),
                    sessions, r.getLong(r.fieldIndex("pupils")), r.getLong(r.fieldIndex("reportable")),
                    r.getLong(r.fieldIndex("persistent")), r.getLong(r.fieldIndex("pupilDays")),
                    openDays));
        }
        List<PeriodResult> out = new ArrayList<>();
        for (PeriodKind p : PeriodKind.values()) {
            List<SchoolTotals> t = totals.getOrDefault(p, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(SchoolTotals::urn)).toList();
            long collection = 0;
            for (long w : collectionDays.getOrDefault(p, new long[0])) {
                collection += Long.bitCount(w);
            }
            out.add(new PeriodResult(p, t, collection));
        }
        return out;
    }

    private static List<PeriodResult> emptyResults() {
        List<PeriodResult> out = new ArrayList<>();
        for (PeriodKind p : PeriodKind.values()) {
            out.add(new PeriodResult(p, List.of(), 0));
        }
        return out;
    }

    private static boolean hasData(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }
}
