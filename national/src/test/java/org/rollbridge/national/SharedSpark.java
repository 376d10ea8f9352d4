package org.rollbridge.national;

import org.apache.spark.sql.SparkSession;
import org.rollbridge.national.spark.Sessions;

/** One local[2] Spark session for every test class in the JVM: starting Spark costs seconds. */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            // Test data is small: two shuffle partitions, one per core, rather than the command's eight.
            System.setProperty("spark.sql.shuffle.partitions", "2");
            session = Sessions.start("local[2]");
        }
        return session;
    }
}
