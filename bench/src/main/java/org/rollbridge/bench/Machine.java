package org.rollbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The machine a benchmark ran on, printed before and after every benchmark (by {@link Benchmarks}), so a figure is
 * always read beside what produced it: CPU model, cores, memory, load average, and the PostgreSQL server's version
 * and the settings that decide bulk-load and sort speed. Absolute figures differ threefold between machines of
 * the same kind; only ratios against a same-run baseline travel.
 */
final class Machine {

    /** The server settings printed: what an LA's DBA would be asked about (docs/hub.md, "PostgreSQL settings"). */
    static final List<String> SETTINGS = List.of("shared_buffers", "synchronous_commit", "max_wal_size", "work_mem",
            "maintenance_work_mem", "checkpoint_timeout", "effective_cache_size");

    private Machine() {
    }

    /** The lines printed before a benchmark runs. */
    static void printStart(String benchmark) {
        System.out.printf(Locale.ROOT, "machine: %s; %d cores; %s memory; load average %s; Java %s (max heap %s)%n",
                cpuModel(), Runtime.getRuntime().availableProcessors(), memory(), loadAverage(),
                System.getProperty("java.version"), gib(Runtime.getRuntime().maxMemory()));
        System.out.println("postgresql: " + postgres());
        System.out.printf(Locale.ROOT, "benchmark: %s, started %s%n", benchmark, java.time.Instant.now());
    }

    /** The lines printed after: the benchmark's own CPU time against its wall time, and the load it ran under. */
    static void printEnd(long startNanos) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double cpu = cpuSeconds();
        System.out.printf(Locale.ROOT, "machine after: load average %s; this JVM used %.1f s of CPU in %.1f s "
                + "(%.2f cores; PostgreSQL's own CPU is not included)%n", loadAverage(), cpu, wall, cpu / wall);
    }

    /** CPU seconds this JVM has used so far (all threads). */
    static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /**
     * CPU seconds used so far by the PostgreSQL backends now connected to {@code database} (read from /proc, so
     * only for a server on this machine; NaN elsewhere). A backend's CPU is lost when it disconnects: a step
     * measured this way keeps its connections open until it is measured.
     */
    static double postgresCpuSeconds(String database) {
        try (Connection c = DriverManager.getConnection(BenchDatabase.SERVER + "postgres", BenchDatabase.USER,
                BenchDatabase.PASSWORD); java.sql.PreparedStatement ps = c.prepareStatement(
                "select pid from pg_stat_activity where datname = ?")) {
            ps.setString(1, database);
            double ticks = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stat = Files.readString(Path.of("/proc/" + rs.getInt(1) + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);    // utime, stime
                }
            }
            return ticks / 100.0;   // USER_HZ, 100 on Linux
        } catch (SQLException | IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them (else the JVM's 1 minute figure). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture is what is known
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return gib(os.getTotalMemorySize());
        }
        return "unknown";
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** The server's version and settings, or why they could not be read (not every benchmark needs PostgreSQL). */
    static String postgres() {
        try (Connection c = DriverManager.getConnection(BenchDatabase.SERVER + "postgres", BenchDatabase.USER,
                BenchDatabase.PASSWORD); Statement st = c.createStatement()) {
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = st.executeQuery("show server_version")) {
                rs.next();
                out.append(rs.getString(1).split(" ")[0]);
            }
            for (String setting : SETTINGS) {
                try (ResultSet rs = st.executeQuery("show " + setting)) {
                    rs.next();
                    out.append("; ").append(setting).append(' ').append(rs.getString(1));
                }
            }
            return out.toString();
        } catch (SQLException e) {
            return "not reachable at " + BenchDatabase.SERVER + " (" + e.getMessage() + ")";
        }
    }
}
