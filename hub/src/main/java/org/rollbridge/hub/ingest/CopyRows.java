package org.rollbridge.hub.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a table with PostgreSQL's COPY (CSV format, every field quoted), buffering a block at a
 * time. Close it to finish the COPY; {@link #abort()} cancels it.
 */
public final class CopyRows implements AutoCloseable {

    private static final int BLOCK = 256 * 1024;
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(BLOCK + 4096);
    private boolean first = true;
    private long rows;

    public CopyRows(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        this.copy = pg.getCopyAPI().copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)");
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

    public void endRow() throws SQLException {
        buffer.append('\n');
        first = true;
        rows++;
        if (buffer.length() >= BLOCK) {
            flush();
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    public long rows() {
        return rows;
    }

    public void abort() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    @Override
    public void close() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        flush();
        copy.endCopy();
    }

}
