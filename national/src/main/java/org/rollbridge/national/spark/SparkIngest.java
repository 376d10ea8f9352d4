package org.rollbridge.national.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_date;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rollbridge.national.plain.PlainAggregation;
import org.rollbridge.national.synth.NationGenerator;
import org.rollbridge.national.table.DeliveryTable;
import org.rollbridge.national.table.DeliveryTable.Entry;

/**
 * Ingests daily extracts into the {@link DeliveryTable}: every delivery day that is new, or whose files changed
 * since it was ingested, is read in one Spark job, written as Parquet partitioned by delivery day and committed in
 * one log entry. A day delivered again unchanged is skipped (same fingerprint); a day delivered late simply takes
 * its place by date, because the aggregation ranks marks by delivery day, not by arrival.
 */
public final class SparkIngest {

    /** What an ingest did. */
    public record Outcome(List<String> ingested, long version) {
    }

    private SparkIngest() {
    }

    public static Outcome ingest(SparkSession spark, Path input, DeliveryTable table, LocalDate upTo)
            throws IOException {
        DeliveryTable.Version base = table.latest();
        String commit = UUID.randomUUID().toString();
        List<Entry> changes = new ArrayList<>();
        List<List<SizedFile>> days = new ArrayList<>();
        for (Path day : PlainAggregation.deliveries(input.resolve(NationGenerator.DAILY), upTo)) {
            String delivery = day.getFileName().toString();
            List<Path> paths = sessionFiles(day);
            List<SizedFile> dayFiles = new ArrayList<>(paths.size());
            String fingerprint = fingerprint(day, paths, dayFiles);
            Entry current = base.entries().get(delivery);
            if (dayFiles.isEmpty() || current != null && current.fingerprint().equals(fingerprint)) {
                continue;
            }
            changes.add(new Entry(delivery, commit, fingerprint));
            days.add(dayFiles);
        }
        if (changes.isEmpty()) {
            return new Outcome(List.of(), base.number());
        }
        Path staging = table.staging(commit);
        List<List<String>> packs = packs(days, spark.conf().get("spark.sql.files.maxPartitionBytes", "128m"),
                spark.sparkContext().defaultParallelism());
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(packs, packs.size())
                .flatMap(pack -> new ExtractLines(pack));
        spark.createDataFrame(rows, ExtractLines.SCHEMA)
                .withColumn("date", try_to_date(trim(col("date"))))
                // A pack holds one day's files, so there is nothing to shuffle or sort (Sessions sets one open
                // writer per task): each task writes one Parquet file into its day's folder.
                .write().partitionBy("delivery").parquet(staging.toUri().toString());
        for (Entry e : changes) {
            table.publish(staging.resolve("delivery=" + e.delivery()), e);
        }
        DeliveryTable.Version v = table.commit(base, changes);
        deleteTree(staging);
        return new Outcome(changes.stream().map(Entry::delivery).toList(), v.number());
    }

    /** An extract file and its size in bytes. */
    record SizedFile(String path, long size) {
    }

    /**
     * Cuts each day's files into consecutive packs of at most {@code maxBytes}, and small enough that there are at
     * least as many packs as Spark has cores: one task reads a pack. Many small files go to one task, because a task
     * costs far more to start than a school's daily file to read; a pack never spans two days, so each task writes
     * one day.
     */
    static List<List<String>> packs(List<List<SizedFile>> days, String maxBytes, int cores) {
        long total = days.stream().flatMap(List::stream).mapToLong(SizedFile::size).sum();
        long limit = Math.max(1, Math.min(org.apache.spark.network.util.JavaUtils.byteStringAsBytes(maxBytes),
                total / Math.max(1, cores) + 1));
        List<List<String>> packs = new ArrayList<>();
        for (List<SizedFile> day : days) {
            List<String> pack = new ArrayList<>();
            long bytes = 0;
            for (SizedFile f : day) {
                if (!pack.isEmpty() && bytes + f.size() > limit) {
                    packs.add(pack);
                    pack = new ArrayList<>();
                    bytes = 0;
                }
                pack.add(f.path());
                bytes += f.size();
            }
            if (!pack.isEmpty()) {
                packs.add(pack);
            }
        }
        return packs;
    }

    private static List<Path> sessionFiles(Path day) throws IOException {
        try (Stream<Path> schools = Files.list(day)) {
            return schools.map(s -> s.resolve("sessions.csv")).sorted().toList();
        }
    }

    /**
     * Names, sizes and contents' modification times: a changed or re-sent file changes the fingerprint. Each file
     * that is there, with its size, is added to {@code sized} (one look at each file: a day nationally has 22,000).
     */
    private static String fingerprint(Path day, List<Path> files, List<SizedFile> sized) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(f, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue;       // a school folder without sessions.csv
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                sha.update((day.relativize(f) + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                sized.add(new SizedFile(f.toAbsolutePath().toString(), a.size()));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
