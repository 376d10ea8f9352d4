package org.rollbridge.national.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.trim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
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
        List<String> files = new ArrayList<>();
        for (Path day : PlainAggregation.deliveries(input.resolve(NationGenerator.DAILY), upTo)) {
            String delivery = day.getFileName().toString();
            List<Path> dayFiles = sessionFiles(day);
            String fingerprint = fingerprint(day, dayFiles);
            Entry current = base.entries().get(delivery);
            if (dayFiles.isEmpty() || current != null && current.fingerprint().equals(fingerprint)) {
                continue;
            }
            changes.add(new Entry(delivery, commit, fingerprint));
            dayFiles.forEach(f -> files.add(f.toUri().toString()));
        }
        if (changes.isEmpty()) {
            return new Outcome(List.of(), base.number());
        }
        Path staging = table.staging(commit);
        // Read as lines and split: the feed's five fields hold no commas, and Spark's CSV reader costs several
        // milliseconds per file to set up, which at 22,000 small files a day is most of the work.
        Column fields = split(regexp_replace(col("value"), "\"", ""), ",");
        spark.read().text(files.toArray(String[]::new))
                .filter(not(col("value").startsWith("urn,")).and(col("value").notEqual("")))
                .select(col("_metadata.file_path").as("path"), field(fields, 2).as("upn"),
                        field(fields, 3).as("date"), field(fields, 4).as("session"), field(fields, 5).as("code"))
                .withColumn("delivery", regexp_extract(col("path"), "/([0-9]{4}-[0-9]{2}-[0-9]{2})/[^/]+/[^/]+$", 1))
                // The school is the one whose folder delivered the file.
                .withColumn("urn", regexp_extract(col("path"), "/([^/]+)/[^/]+$", 1))
                .withColumn("date", org.apache.spark.sql.functions.try_to_date(trim(col("date"))))
                .drop("path")
                .repartition(col("delivery"))   // one file per delivery day, not one per task and day
                .write().partitionBy("delivery").parquet(staging.toUri().toString());
        for (Entry e : changes) {
            table.publish(staging.resolve("delivery=" + e.delivery()), e);
        }
        DeliveryTable.Version v = table.commit(base, changes);
        deleteTree(staging);
        return new Outcome(changes.stream().map(Entry::delivery).toList(), v.number());
    }

    /** The n-th field (from 1), or null on a short line. */
    private static Column field(Column fields, int n) {
        return org.apache.spark.sql.functions.try_element_at(fields, org.apache.spark.sql.functions.lit(n));
    }

    private static List<Path> sessionFiles(Path day) throws IOException {
        try (Stream<Path> schools = Files.list(day)) {
            return schools.map(s -> s.resolve("sessions.csv")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Names, sizes and contents' modification times: a changed or re-sent file changes the fingerprint. */
    private static String fingerprint(Path day, List<Path> files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update((day.relativize(f) + "\t" + Files.size(f) + "\t" + Files.getLastModifiedTime(f).toMillis()
                        + "\n").getBytes(StandardCharsets.UTF_8));
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
