package org.rollbridge.hub.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the local PostgreSQL (ROLLBRIDGE_TEST_DB_SERVER, default 127.0.0.1:5432 as postgres),
 * created empty and dropped when the JVM exits. Each hub configuration of a run gets one (see {@link HubTest}), so
 * hubs with different settings never read each other's rows. Integration tests of every module may use it.
 */
public final class TestDatabase {

    private static final String SERVER = System.getenv().getOrDefault("ROLLBRIDGE_TEST_DB_SERVER",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("ROLLBRIDGE_TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("ROLLBRIDGE_TEST_DB_PASSWORD", "");
    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** A new, empty database, dropped when the JVM exits. */
    public static TestDatabase create() {
        String name = "rollbridge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + name
                + " with (force)")));
        return new TestDatabase(name);
    }

    public String url() {
        return SERVER + name;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Connection connect() throws SQLException {
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
