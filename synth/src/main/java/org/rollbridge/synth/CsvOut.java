package org.rollbridge.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An RFC 4180 CSV file written through one large byte buffer: UTF-8, no byte-order mark, LF line ends, fields
 * quoted only when they contain a comma, quote or line break. Rows end with {@link #endRow()}.
 */
final class CsvOut implements AutoCloseable {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private boolean rowStarted;
    private long written;

    CsvOut(Path file, String header) {
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file + ": " + e.getMessage(), e);
        }
        raw(header.getBytes(StandardCharsets.UTF_8));
        raw((byte) '\n');
    }

    /** Appends one field (null and empty are written as nothing). */
    CsvOut field(String value) {
        if (rowStarted) {
            raw((byte) ',');
        }
        rowStarted = true;
        if (value != null && !value.isEmpty()) {
            raw(encode(value));
        }
        return this;
    }

    CsvOut field(Object value) {
        return field(value == null ? null : value.toString());
    }

    /** Appends bytes already encoded as one or more CSV fields with their separators. */
    CsvOut encoded(byte[] bytes) {
        raw(bytes);
        rowStarted = true;
        return this;
    }

    void endRow() {
        raw((byte) '\n');
        rowStarted = false;
    }

    /** The field's bytes, quoted if it needs to be. */
    static byte[] encode(String value) {
        if (value == null) {
            return new byte[0];
        }
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                quote = true;
                break;
            }
        }
        String v = quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
        return v.getBytes(StandardCharsets.UTF_8);
    }

    void raw(byte[] bytes) {
        if (bytes.length > buf.length - pos) {
            flush();
            if (bytes.length > buf.length) {
                write(bytes, bytes.length);
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    void raw(byte b) {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = b;
    }

    private void flush() {
        write(buf, pos);
        pos = 0;
    }

    private void write(byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
            written += length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long bytes() {
        return written + pos;
    }

    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
