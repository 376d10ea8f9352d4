package org.rollbridge.agent;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the hub has acknowledged, row by row, as a compact map: a 64-bit hash of the row's key (for attendance,
 * pupil + date + session; for exclusions, the exclusion) to a 64-bit hash of its content, with the row's date
 * for pruning. Hashes only: the file holds no UPN or other personal data. 16 bytes + a day a row.
 */
public final class RowLedger {

    private static final int MAGIC = 0x52424c31; // "RBL1"
    private final Map<Long, Entry> rows;

    /** A row's content hash and date (epoch day). */
    public record Entry(long value, int day) {
    }

    public RowLedger() {
        this(new HashMap<>());
    }

    private RowLedger(Map<Long, Entry> rows) {
        this.rows = rows;
    }

    public boolean known(long key, long value) {
        Entry e = rows.get(key);
        return e != null && e.value() == value;
    }

    public void put(long key, long value, int day) {
        rows.put(key, new Entry(value, day));
    }

    public int size() {
        return rows.size();
    }

    /** A copy, to overlay batches still in the outbox on without changing this ledger. */
    public RowLedger copy() {
        return new RowLedger(new HashMap<>(rows));
    }

    /** Forgets rows dated before the given day: they are outside every resend window from now on. */
    public void pruneBefore(int day) {
        rows.values().removeIf(e -> e.day() < day);
    }

    public static RowLedger load(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new RowLedger();
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a Rollbridge ledger");
            }
            int n = in.readInt();
            Map<Long, Entry> rows = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
            for (int i = 0; i < n; i++) {
                rows.put(in.readLong(), new Entry(in.readLong(), in.readInt()));
            }
            return new RowLedger(rows);
        } catch (EOFException e) {
            throw new IOException(file + " is cut short; delete it and the agent will resend the marks of the "
                    + "resend window once", e);
        }
    }

    public void save(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + rows.size() * 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(rows.size());
            for (var e : rows.entrySet()) {
                out.writeLong(e.getKey());
                out.writeLong(e.getValue().value());
                out.writeInt(e.getValue().day());
            }
        }
        DurableFiles.write(file, bytes.toByteArray());
    }

}
