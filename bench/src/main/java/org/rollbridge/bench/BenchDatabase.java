package org.rollbridge.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throwaway database on the local PostgreSQL (ROLLBRIDGE_BENCH_DB_SERVER, _USER, _PASSWORD) for one benchmark run.
 */
final class BenchDatabase implements AutoCloseable {

    static final String SERVER = System.getenv().getOrDefault("ROLLBRIDGE_BENCH_DB_SERVER",
            "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getenv().getOrDefault("ROLLBRIDGE_BENCH_DB_USER", "postgres");
    /** From the environment only; empty suits the local server's trust authentication. */
    static final String PASSWORD = System.getenv().getOrDefault("ROLLBRIDGE_BENCH_DB_PASSWORD", "");
    final String name;
    /** A database this run created, dropped after it; else one kept from an earlier run, left as it is. */
    private final boolean created;

    BenchDatabase(String prefix) throws SQLException {
        this.name = prefix + "_" + Long.toHexString(System.nanoTime());
        this.created = true;
        admin("create database " + name);
        // Named at the start, so an engineer can watch the run's backends (pg_stat_activity) while it runs.
        System.out.println("database: " + name);
        String explainMs = System.getenv("ROLLBRIDGE_BENCH_EXPLAIN_MS");
        if (explainMs != null) {
            // The plans of this database's slow statements in the server's log (auto_explain, loaded per session
            // for this database only): where a step's PostgreSQL time goes, statement by statement.
            int ms = Integer.parseInt(explainMs.strip());
            admin("alter database " + name + " set session_preload_libraries = 'auto_explain'");
            admin("alter database " + name + " set auto_explain.log_min_duration = " + ms);
            admin("alter database " + name + " set auto_explain.log_analyze = on");
            admin("alter database " + name + " set auto_explain.log_buffers = on");
        }
    }

    private BenchDatabase(String name, boolean created) {
        this.name = name;
        this.created = created;
    }

    /** A database an earlier run kept (ROLLBRIDGE_BENCH_KEEP_DB), used as it is and never dropped by this run. */
    static BenchDatabase kept(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Not a benchmark database's name: " + name);
        }
        return new BenchDatabase(name, false);
    }

    String url() {
        return SERVER + name;
    }

    /**
     * The settings of a hub on this database for a benchmark: no background workers (the benchmark drains the
     * queue itself), no nightly run, warnings only in the log; {@code more} adds or overrides.
     */
    String[] hubSettings(java.nio.file.Path dataDir, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--ROLLBRIDGE_DB_URL=" + url(),
                "--ROLLBRIDGE_DB_USER=" + USER, "--ROLLBRIDGE_DB_PASSWORD=" + PASSWORD,
                "--ROLLBRIDGE_DATA_DIR=" + dataDir, "--ROLLBRIDGE_WORKERS=0", "--ROLLBRIDGE_NIGHTLY_CRON=-",
                // A key of the run's own: the benchmark's database is dropped after it.
                "--ROLLBRIDGE_SUPPRESSION_KEY=" + java.util.HexFormat.of().formatHex(
                        new java.security.SecureRandom().generateSeed(32)),
                "--ROLLBRIDGE_UPLOAD_KEYS=" + org.rollbridge.hub.ingest.UploadKeys.newRing().strip(),
                "--logging.level.root=WARN"));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Dropped after the run, unless ROLLBRIDGE_BENCH_KEEP_DB is set: then kept, so an engineer can read its plans
     * (EXPLAIN) and statistics as the run left them, and drop it afterwards.
     */
    @Override
    public void close() throws SQLException {
        if (!created || System.getenv("ROLLBRIDGE_BENCH_KEEP_DB") != null) {
            System.out.println("database kept (ROLLBRIDGE_BENCH_KEEP_DB): " + name);
            return;
        }
        admin("drop database if exists " + name + " with (force)");
    }
}
