package org.rollbridge.hub.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for one test run, on the local PostgreSQL (ROLLBRIDGE_TEST_DB_URL, default
 * 127.0.0.1:5432 as postgres), created on first use and dropped when the JVM exits. Integration tests of every
 * module may use it.
 */
public final class TestDatabase {

    private static final String SERVER = System.getenv().getOrDefault("ROLLBRIDGE_TEST_DB_SERVER",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("ROLLBRIDGE_TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("ROLLBRIDGE_TEST_DB_PASSWORD", "");
    private static String name;

    private TestDatabase() {
    }

    /** The JDBC URL of this run's database, creating it on first call. */
    public static synchronized String url() {
        if (name == null) {
            String candidate = "rollbridge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create database " + candidate);
            name = candidate;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + candidate
                    + " with (force)")));
        }
        return SERVER + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on the test PostgreSQL at " + SERVER, e);
        }
    }
}
