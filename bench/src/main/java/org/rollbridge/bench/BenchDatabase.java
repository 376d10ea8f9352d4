package org.rollbridge.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A throwaway database on the local PostgreSQL (ROLLBRIDGE_BENCH_DB_SERVER) for one benchmark run. */
final class BenchDatabase implements AutoCloseable {

    static final String SERVER = System.getenv().getOrDefault("ROLLBRIDGE_BENCH_DB_SERVER",
            "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getenv().getOrDefault("ROLLBRIDGE_BENCH_DB_USER", "postgres");
    final String name;

    BenchDatabase(String prefix) throws SQLException {
        this.name = prefix + "_" + Long.toHexString(System.nanoTime());
        admin("create database " + name);
    }

    String url() {
        return SERVER + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("drop database if exists " + name + " with (force)");
    }
}
