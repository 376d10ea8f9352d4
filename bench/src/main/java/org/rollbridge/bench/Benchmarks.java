package org.rollbridge.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./rollbridge bench NAME [ARGS]}: runs one benchmark, which prints its figures next to a baseline
 * measured in the same run. Benchmarks are never part of the test suite.
 */
public final class Benchmarks {

    /** A benchmark runnable from the command line. */
    public interface Benchmark {
        String description();

        void run(String[] args) throws Exception;
    }

    private static final Map<String, Benchmark> ALL = new TreeMap<>();

    static {
        // Each benchmark registers itself here by name.
        ALL.put("synth", new SynthBenchmark());
        ALL.put("ctf-parse", new CtfParseBenchmark());
        ALL.put("match", new MatchBenchmark());
        ALL.put("validate", new ValidateBenchmark());
        ALL.put("validate-accuracy", new ValidateAccuracyBenchmark());
        ALL.put("indicators", new IndicatorsBenchmark());
        ALL.put("agent-delta", new AgentDeltaBenchmark());
        ALL.put("marks-layout", new MarksLayoutBenchmark());
        ALL.put("hub-load", new HubLoadBenchmark());
        ALL.put("pages-load", new PagesLoadBenchmark());
        ALL.put("dashboard", new DashboardBenchmark());
        ALL.put("national", new NationalBenchmark());
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !ALL.containsKey(args[0])) {
            System.out.println("Usage: ./rollbridge bench NAME [ARGS]");
            System.out.println("Benchmarks:");
            ALL.forEach((name, b) -> System.out.printf("  %-20s %s%n", name, b.description()));
            System.exit(args.length == 0 ? 0 : 2);
        }
        // Every benchmark's figures come with the machine they were measured on.
        Machine.printStart(args[0] + " " + String.join(" ", Arrays.copyOfRange(args, 1, args.length)));
        long started = System.nanoTime();
        ALL.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
        Machine.printEnd(started);
    }
}
