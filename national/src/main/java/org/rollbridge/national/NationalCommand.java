package org.rollbridge.national;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.rollbridge.national.figures.DfeTable;
import org.rollbridge.national.figures.DfeTable.PeriodResult;
import org.rollbridge.national.figures.SchoolRegister;
import org.rollbridge.national.plain.PlainAggregation;
import org.rollbridge.national.spark.Sessions;
import org.rollbridge.national.spark.SparkAggregation;
import org.rollbridge.national.spark.SparkIngest;
import org.rollbridge.national.synth.NationGenerator;
import org.rollbridge.national.table.DeliveryTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rollbridge national ...}: the DfE's national daily collection on Apache Spark. */
@Command(name = "national", mixinStandardHelpOptions = true,
        description = {"The national tier: every school's daily extract into one table, and the DfE's national,",
            "regional, LA, phase and school attendance figures, on Apache Spark (local or a cluster)."},
        subcommands = {NationalCommand.Generate.class, NationalCommand.Ingest.class, NationalCommand.Aggregate.class})
public final class NationalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new NationalCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(cl.execute(args));
    }

    /** CPU time of this JVM, every thread: on a shared machine a steadier measure than the clock. */
    static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean b ? b.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** Where Spark runs and where the delivery table lives, for the commands that use them. */
    static final class SparkOptions {
        @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else local[*])")
        String master;
        @Option(names = "--table", description = "the delivery table (default INPUT/national-table)")
        Path table;

        /** The table, beside the extracts it was read from unless told otherwise. */
        DeliveryTable table(Path input) {
            return new DeliveryTable(table != null ? table : input.resolve("national-table"));
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Writes a synthetic nation's daily extracts, calibrated to the DfE's published 2025/26 "
                    + "figures by LA and phase.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--pupils", required = true, description = "pupils in England (each LA and phase gets at "
                + "least " + org.rollbridge.national.synth.CellPlan.FLOOR + ", so its rates can match the published)")
        int pupils;
        @Option(names = "--from", required = true, description = "first day (YYYY-MM-DD)")
        LocalDate from;
        @Option(names = "--to", required = true, description = "last day (YYYY-MM-DD)")
        LocalDate to;
        @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--out", required = true, description = "directory to write dfe-daily/ and schools.csv into")
        Path out;
        @Option(names = "--threads", description = "threads (default: every core)")
        Integer threads;
        @Option(names = "--las", split = ",", description = "only these LAs (old 3-digit codes), each at the "
                + "size it has in a nation of --pupils: a small nation for trying things out")
        java.util.Set<String> las = java.util.Set.of();

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            NationGenerator.Summary s = new NationGenerator(
                    new NationGenerator.Settings(pupils, from, to, seed, out, t, las)).generate();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Generated %,d pupils in %,d schools over %d school days: %,d session rows in %.1f s"
                    + " (%d threads) into %s%n", s.pupils(), s.schools(), s.schoolDays(), s.sessionRows(), seconds,
                    t, out);
            System.out.printf("timing generate_s=%.3f cpu_s=%.3f rows=%d pupils=%d%n", seconds, cpuSeconds(),
                    s.sessionRows(), s.pupils());
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingests every delivery day that is new or changed into the delivery table.")
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--input", required = true, description = "directory holding dfe-daily/")
        Path input;
        @Option(names = "--up-to", description = "ingest deliveries up to this day only (YYYY-MM-DD)")
        LocalDate upTo;
        @CommandLine.Mixin
        SparkOptions options;

        @Override
        public Integer call() throws Exception {
            SparkSession spark = Sessions.start(options.master);
            try {
                SparkIngest.Outcome o = SparkIngest.ingest(spark, input, options.table(input),
                        upTo != null ? upTo : LocalDate.MAX);
                System.out.printf("Ingested %d delivery days; the table is at version %d%n", o.ingested().size(),
                        o.version());
                return 0;
            } finally {
                spark.stop();
            }
        }
    }

    /** How the figures are computed. */
    enum Engine { SPARK, JAVA }

    @Command(name = "aggregate", mixinStandardHelpOptions = true,
            description = {"Ingests what is new, then writes OUT/la_phase.csv (year to date), la_phase_term.csv,",
                "la_phase_week.csv and school.csv, in the DfE's published format."})
    static final class Aggregate implements Callable<Integer> {
        @Option(names = "--input", required = true, description = "directory holding dfe-daily/ and schools.csv")
        Path input;
        @Option(names = "--as-of", required = true, description = "the morning's date (YYYY-MM-DD)")
        LocalDate asOf;
        @Option(names = "--out", required = true, description = "directory for the figures")
        Path out;
        @CommandLine.Mixin
        SparkOptions options;
        @Option(names = "--engine", defaultValue = "spark",
                description = "spark, or java: the single-threaded reference pass straight from the extracts")
        Engine engine;

        @Override
        public Integer call() throws Exception {
            SchoolRegister register = SchoolRegister.read(input);
            long start = System.nanoTime();
            double ingestSeconds = 0;
            List<PeriodResult> results;
            if (engine == Engine.JAVA) {
                results = PlainAggregation.run(input, asOf).periods();
            } else {
                SparkSession spark = Sessions.start(options.master);
                try {
                    DeliveryTable t = options.table(input);
                    SparkIngest.ingest(spark, input, t, asOf);
                    ingestSeconds = (System.nanoTime() - start) / 1e9;
                    results = SparkAggregation.run(spark, t, asOf);
                } finally {
                    spark.stop();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            new DfeTable(register).write(out, asOf, results);
            long schools = results.get(0).totals().size();
            System.out.printf("Figures as of %s for %,d schools in %.1f s (%s); written to %s%n", asOf, schools,
                    seconds, engine.name().toLowerCase(java.util.Locale.ROOT), out.resolve("la_phase.csv"));
            System.out.printf("timing ingest_s=%.3f total_s=%.3f cpu_s=%.3f%n", ingestSeconds, seconds, cpuSeconds());
            return 0;
        }
    }
}
