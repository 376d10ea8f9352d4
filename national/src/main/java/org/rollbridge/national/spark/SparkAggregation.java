package org.rollbridge.national.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * latest delivery up to as-of; marks are counted by core's code groups ({@link CodeMap}) per pupil, so that
 * persistent absence uses each pupil's own possible sessions with core's thresholds, then summed per school. The
 * school totals (tens of thousands of rows nationally) come back to the driver for the roll-up.
 */
public final class SparkAggregation {

    private static final AttendanceCode[] CODES = AttendanceCode.values();
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
        Column latest = struct(col("delivery"), col("code"));
        Dataset<Row> days = marks.groupBy("urn", "upn", "date").agg(
                        max(when(session.equalTo("AM"), latest)).getField("code").as("am"),
                        max(when(session.equalTo("PM"), latest)).getField("code").as("pm"))
                .withColumn("am", CodeMap.lookup(col("am"), col("date")))
                .withColumn("pm", CodeMap.lookup(col("pm"), col("date")))
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
        // A school's open days (at most a year's school days) come back as a set of dates, from which the
        // driver also counts the collection days: one job, and the marks shuffled once for both branches.
        Dataset<Row> openDays = days.groupBy("period", "urn").agg(collect_set(col("date")).as("openDates"));
        List<Row> schools = pupils.groupBy("period", "urn")
                .agg(schoolSums.get(0), schoolSums.subList(1, schoolSums.size()).toArray(Column[]::new))
                .join(openDays, scala.jdk.javaapi.CollectionConverters.asScala(List.of("period", "urn")).toSeq())
                .collectAsList();
        Map<PeriodKind, Set<Date>> collectionDays = new EnumMap<>(PeriodKind.class);
        Map<PeriodKind, List<SchoolTotals>> totals = new EnumMap<>(PeriodKind.class);
        for (Row r : schools) {
            PeriodKind period = PeriodKind.valueOf(r.getString(0));
            List<Date> openDates = r.getList(r.fieldIndex("openDates"));
            collectionDays.computeIfAbsent(period, k -> new HashSet<>()).addAll(openDates);
            long[] sessions = new long[CODES.length];
            for (AttendanceCode c : CODES) {
                if (c.possible()) {
                    sessions[c.ordinal()] = r.getLong(r.fieldIndex(c.name()));
                }
            }
            totals.computeIfAbsent(period, k -> new ArrayList<>()).add(new SchoolTotals(period, r.getString(1),
                    sessions, r.getLong(r.fieldIndex("pupils")), r.getLong(r.fieldIndex("reportable")),
                    r.getLong(r.fieldIndex("persistent")), r.getLong(r.fieldIndex("pupilDays")),
                    openDates.size()));
        }
        List<PeriodResult> out = new ArrayList<>();
        for (PeriodKind p : PeriodKind.values()) {
            List<SchoolTotals> t = totals.getOrDefault(p, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(SchoolTotals::urn)).toList();
            out.add(new PeriodResult(p, t, collectionDays.getOrDefault(p, Set.of()).size()));
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
