package org.rollbridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code ./rollbridge bench national [PUPILS,...] [NATION_DIR]}: generates a synthetic nation for a full academic year and
 * aggregates it on Spark with local[1] and local[2], next to the single-threaded plain-Java pass over the same
 * files. Each step runs in its own JVM on the national module's class path (Spark's libraries are kept apart from
 * the hub's). Prints session rows per second per core, the 1 to 2 core scaling, the cluster the measured rate
 * implies for 9 million pupils in 15 minutes, and how far la_phase.csv lands from the published rates.
 */
final class NationalBenchmark implements Benchmarks.Benchmark {

    private static final String FROM = "2025-09-01";
    private static final String AS_OF = "2026-07-22";
    private static final double NATION = 9_000_000;
    private static final double WINDOW_SECONDS = 15 * 60;
    private static final String PUBLISHED =
            "national/src/main/resources/org/rollbridge/national/dfe-attendance-2025-26-ytd.csv";
    private static final Pattern TIMING = Pattern.compile("^timing (.*)$");

    @Override
    public String description() {
        return "national tier: generate and aggregate a full year on Spark local[1], local[2] and plain Java";
    }

    @Override
    public void run(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        // A second argument names a nation already generated for the first size, to measure the aggregation alone.
        Path reuse = args.length > 1 ? Path.of(args[1]) : null;
        for (String a : (args.length > 0 ? args[0] : "100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(a.strip()));
        }
        Path root = root();
        Path work = Files.createTempDirectory("rollbridge-national-bench");
        System.out.printf("National benchmark: a full year (%s to %s) in %s; machine: %d cores (shared)%n",
                FROM, AS_OF, work, Runtime.getRuntime().availableProcessors());
        for (int pupils : sizes) {
            Path input = reuse != null ? reuse : work.resolve("nation-" + pupils);
            System.out.printf("%n%,d pupils%n", pupils);
            double rows;
            double generated;
            if (reuse == null) {
                Map<String, Double> gen = run(root, "generate", "--pupils", String.valueOf(pupils), "--from", FROM,
                        "--to", AS_OF, "--seed", "1", "--out", input.toString(), "--threads", "2");
                rows = gen.get("rows");
                generated = gen.get("pupils");
                System.out.printf("  generate (2 threads)      %8.1f s  %,12.0f rows/s   %,.0f pupils, %,.0f session"
                        + " rows%n", gen.get("generate_s"), rows / gen.get("generate_s"), generated, rows);
            } else {
                rows = countRows(input);
                generated = countPupils(input, AS_OF);
                System.out.printf("  nation reused from %s: %,.0f pupils, %,.0f session rows%n", input, generated,
                        rows);
            }
            Map<String, Double> plain = run(root, "aggregate", "--input", input.toString(), "--as-of", AS_OF,
                    "--out", work.resolve("java-" + pupils).toString(), "--engine", "java");
            line("plain Java, 1 thread", plain, rows, 1);
            // Spark at one core and two, each ingesting into its own fresh table: ingest and aggregation measured.
            Map<String, Double> one = run(root, "aggregate", "--input", input.toString(), "--as-of", AS_OF,
                    "--out", work.resolve("spark1-" + pupils).toString(), "--master", "local[1]",
                    "--table", work.resolve("table1-" + pupils).toString());
            line("Spark local[1]", one, rows, 1);
            Map<String, Double> two = run(root, "aggregate", "--input", input.toString(), "--as-of", AS_OF,
                    "--out", work.resolve("spark2-" + pupils).toString(), "--master", "local[2]",
                    "--table", work.resolve("table2-" + pupils).toString());
            line("Spark local[2]", two, rows, 2);
            boolean same = Files.mismatch(work.resolve("java-" + pupils + "/la_phase.csv"),
                    work.resolve("spark2-" + pupils + "/la_phase.csv")) == -1;
            System.out.printf("  scaling 1 -> 2 cores: %.2fx (ingest+aggregate, wall clock); CPU-seconds"
                    + " local[2] / local[1]: %.2f%n", one.get("total_s") / two.get("total_s"),
                    two.get("cpu_s") / one.get("cpu_s"));
            double perCore = rows / two.get("total_s") / 2;
            double nationRows = rows * NATION / generated;
            System.out.printf("  9,000,000 pupils: %,.0f session rows a year; at %,.0f rows/s per core (local[2],"
                    + " wall clock) that is %,.0f cores for the year in 15 minutes%n", nationRows, perCore,
                    Math.ceil(nationRows / perCore / WINDOW_SECONDS));
            // CPU time is what a busy machine does not distort: the same sum from each run's rows per CPU-second.
            for (Map.Entry<String, Map<String, Double>> r : List.of(Map.entry("local[1]", one),
                    Map.entry("local[2]", two))) {
                double perCpu = rows / r.getValue().get("cpu_s");
                System.out.printf("  at %s's %,.0f rows per CPU-second: %,.0f cores for the year in 15 minutes%n",
                        r.getKey(), perCpu, Math.ceil(nationRows / perCpu / WINDOW_SECONDS));
            }
            System.out.printf("  Spark and plain Java la_phase.csv identical: %s%n", same ? "yes" : "NO");
            deviations(root.resolve(PUBLISHED), work.resolve("spark2-" + pupils + "/la_phase.csv"));
        }
    }

    /** Session rows in a generated nation (header lines aside). */
    private static double countRows(Path input) throws IOException {
        long rows = 0;
        try (var files = Files.walk(input.resolve("dfe-daily"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("sessions.csv")).toList()) {
                try (var lines = Files.lines(f)) {
                    rows += lines.count() - 1;
                }
            }
        }
        return rows;
    }

    /** Pupils on roll on the last day. */
    private static double countPupils(Path input, String day) throws IOException {
        long pupils = 0;
        try (var schools = Files.list(input.resolve("dfe-daily").resolve(day))) {
            for (Path s : schools.toList()) {
                try (var lines = Files.lines(s.resolve("pupils.csv"))) {
                    pupils += lines.count() - 1;
                }
            }
        }
        return pupils;
    }

    private static void line(String label, Map<String, Double> t, double rows, int cores) {
        double cpu = t.getOrDefault("cpu_s", Double.NaN);
        System.out.printf("  %-25s %8.1f s  %,12.0f rows/s  %,12.0f rows/s per core  (ingest %.1f s; %,.0f rows per"
                + " CPU-second, %.0f CPU-s; load average %s)%n", label, t.get("total_s"), rows / t.get("total_s"),
                rows / t.get("total_s") / cores, t.get("ingest_s"), rows / cpu, cpu, loadAverage());
    }

    /** The machine's one-minute load average as the step ends: on a shared machine it says what the clock meant. */
    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format("%.1f", load);
    }

    /** The worst distance from the published absence and PA rates, over LAs by phase and LA totals. */
    private static void deviations(Path publishedFile, Path laPhase) throws IOException {
        Map<String, CSVRecord> published = new HashMap<>();
        try (Reader in = Files.newBufferedReader(publishedFile, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                published.put(r.get("geographic_level") + "|" + r.get("old_la_code") + "|" + r.get("education_phase")
                        + "|" + r.get("region_code"), r);
            }
        }
        Map<String, double[]> worst = new HashMap<>();
        try (Reader in = Files.newBufferedReader(laPhase, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                CSVRecord p = published.get(r.get("geographic_level") + "|" + r.get("old_la_code") + "|"
                        + r.get("education_phase") + "|" + r.get("region_code"));
                if (p == null || !numeric(p.get("pa_perc")) || !numeric(r.get("pa_perc"))) {
                    continue;
                }
                String group = r.get("geographic_level") + (r.get("education_phase").equals("Total") ? " total"
                        : " by phase");
                double[] w = worst.computeIfAbsent(group, k -> new double[3]);
                w[0] = Math.max(w[0], Math.abs(Double.parseDouble(r.get("overall_absence_perc"))
                        - Double.parseDouble(p.get("overall_absence_perc"))));
                w[1] = Math.max(w[1], Math.abs(Double.parseDouble(r.get("pa_perc"))
                        - Double.parseDouble(p.get("pa_perc"))));
                w[2]++;
            }
        }
        worst.forEach((group, w) -> System.out.printf("  worst deviation from published, %-26s absence %.3f pp,"
                + " PA %.3f pp (%d rows)%n", group + ":", w[0], w[1], (long) w[2]));
    }

    private static boolean numeric(String s) {
        return s.matches("-?[0-9.]+([eE]-?[0-9]+)?");
    }

    private static Map<String, Double> run(Path root, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("@" + root.resolve("national/spark-jvm.options"));
        cmd.add("-Xmx" + System.getProperty("rollbridge.national.heap", "8g"));
        cmd.add("-cp");
        cmd.add(root.resolve("national/target/lib/*") + java.io.File.pathSeparator
                + root.resolve("national/target/rollbridge-national.jar"));
        cmd.add("org.rollbridge.national.NationalCommand");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, Double> timing = new HashMap<>();
        try (BufferedReader out = p.inputReader(StandardCharsets.UTF_8)) {
            String l;
            while ((l = out.readLine()) != null) {
                Matcher m = TIMING.matcher(l);
                if (m.matches()) {
                    for (String kv : m.group(1).split(" ")) {
                        String[] f = kv.split("=");
                        timing.put(f[0], Double.parseDouble(f[1]));
                    }
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("national " + args[0] + " failed (exit " + p.exitValue() + "): "
                    + String.join(" ", args));
        }
        return timing;
    }

    /** The checkout: the bench jar lives in bench/target. */
    private static Path root() throws Exception {
        Path jar = Path.of(NationalBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent().getParent();
    }
}
