package org.rollbridge.hub.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Streams rows into a table with PostgreSQL's COPY (CSV format, every field quoted), buffering a block at a
 * time. Close it to finish the COPY; {@link #abort()} cancels it.
 *
 * <p>The one place the hub speaks to the PostgreSQL driver below SQL (docs/adr/0008): COPY has no JdbcClient
 * form, so it runs on the connection of the caller's transaction, and whatever it writes commits or rolls back
 * with the rest of that transaction.
 */
public final class CopyRows implements AutoCloseable {

    private static final int BLOCK = 256 * 1024;
    private final String table;
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(BLOCK + 4096);
    private boolean first = true;
    private long rows;

    /** A COPY on the connection of the transaction running on this thread; there must be one. */
    public static CopyRows inTransaction(DataSource dataSource, String table, String columns) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("COPY into " + table + " must run inside a transaction");
        }
        return new CopyRows(DataSourceUtils.getConnection(dataSource), table, columns);
    }

    /** A COPY on a connection of the caller's own (the benchmarks' bare baselines). */
    public CopyRows(Connection connection, String table, String columns) {
        this.table = table;
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            this.copy = pg.getCopyAPI().copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)");
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Adds a field to the current row; null is written as SQL NULL. */
    public CopyRows field(Object value) {
        if (!first) {
            buffer.append(',');
        }
        first = false;
        if (value != null) {
            String text = value.toString();
            buffer.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    buffer.append('"');
                }
                buffer.append(ch);
            }
            buffer.append('"');
        }
        return this;
    }

    public void endRow() {
        buffer.append('\n');
        first = true;
        rows++;
        if (buffer.length() >= BLOCK) {
            flush();
        }
    }

    private void flush() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw failed(e);
        }
        buffer.setLength(0);
    }

    public long rows() {
        return rows;
    }

    public void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        if (!copy.isActive()) {
            return;
        }
        flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
    }
}
