package org.rollbridge.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.rollbridge.synth.Settings;
import org.rollbridge.synth.Summary;
import org.rollbridge.synth.SyntheticLa;

/**
 * {@code ./rollbridge bench synth [PUPILS [SCHOOLS [TO]]]}: generates a synthetic LA (default 120,000 pupils in 300
 * schools over the full 2025/26 year) and prints wall time, peak heap and output sizes. Baseline, in the same run:
 * writing the same files with the same byte counts from a repeated CSV row through a 64 KB buffer - the cost of the
 * disk alone, which no generator can beat.
 */
final class SynthBenchmark implements Benchmarks.Benchmark {

    @Override
    public String description() {
        return "synthetic LA generation (120k pupils, 300 schools, full year) against writing the same bytes";
    }

    @Override
    public void run(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        LocalDate to = args.length > 2 ? LocalDate.parse(args[2]) : LocalDate.of(2026, 7, 22);
        Settings settings = Settings.defaults().withSize(schools, pupils).withPeriod(Settings.DEFAULT_FROM, to);
        Path root = Files.createTempDirectory("rollbridge-synth-bench");
        Path out = root.resolve("generated");
        Path baseline = root.resolve("baseline");
        try {
            System.out.printf(Locale.ROOT, "synth: %d pupils, %d schools, %s to %s, %d cores%n", pupils, schools,
                    settings.from(), to, Runtime.getRuntime().availableProcessors());
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            Summary summary = SyntheticLa.generate(settings, out);
            double generateSeconds = (System.nanoTime() - t0) / 1e9;
            long peakHeap = peakHeap();
            List<Path> files = files(out);
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            long t1 = System.nanoTime();
            writeSameBytes(out, files, baseline);
            double baselineSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.print(summary.text());
            System.out.printf(Locale.ROOT, "generate: %.1f s wall, peak heap %.0f MB, %d files, %.1f MB (%.1f MB/s)%n",
                    generateSeconds, peakHeap / 1048576.0, files.size(), bytes / 1048576.0,
                    bytes / 1048576.0 / generateSeconds);
            System.out.printf(Locale.ROOT, "baseline (write the same bytes): %.1f s (%.1f MB/s)%n", baselineSeconds,
                    bytes / 1048576.0 / baselineSeconds);
            System.out.printf(Locale.ROOT, "ratio generate / baseline: %.1fx%n", generateSeconds / baselineSeconds);
        } finally {
            delete(root);
        }
    }

    private static void writeSameBytes(Path from, List<Path> files, Path to) throws IOException {
        byte[] row = "9262001,B926200125001,2025-09-03,AM,/,Oliver,Smith,5\n".getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            long size = Files.size(f);
            try (OutputStream o = Files.newOutputStream(target)) {
                int pos = 0;
                for (long written = 0; written < size; written++) {
                    buf[pos++] = row[(int) (written % row.length)];
                    if (pos == buf.length) {
                        o.write(buf, 0, pos);
                        pos = 0;
                    }
                }
                o.write(buf, 0, pos);
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
