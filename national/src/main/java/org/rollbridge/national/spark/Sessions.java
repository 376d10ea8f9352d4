package org.rollbridge.national.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session the national commands run in: the cluster's when spark-submit gave one, else {@code local[*]}. */
public final class Sessions {

    private Sessions() {
    }

    /**
     * @param master a master URL ({@code local[2]}, {@code spark://host:7077}, {@code k8s://...}), or null to use
     *               the one spark-submit set, or {@code local[*]} when there is none
     */
    public static SparkSession start(String master) {
        SparkConf conf = new SparkConf();
        String chosen = master != null ? master : conf.get("spark.master", "local[*]");
        SparkSession.Builder b = SparkSession.builder().appName("rollbridge-national").master(chosen)
                // Delivery folders are named by date; read them as text, compared as ISO dates.
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                // The ingest lists files itself; Spark need not start a job to look at each of them again.
                .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000000")
                // The ingest gives each task one delivery day to write: with one open writer per task Spark writes
                // it as it comes instead of sorting every row by day first (it sorts only if a task had two days).
                .config("spark.sql.maxConcurrentOutputFileWriters",
                        conf.get("spark.sql.maxConcurrentOutputFileWriters", "1"));
        if (chosen.startsWith("local")) {
            b.config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"))
                    .config("spark.sql.shuffle.partitions", conf.get("spark.sql.shuffle.partitions", "8"));
        }
        return b.getOrCreate();
    }
}
