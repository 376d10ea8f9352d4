package org.rollbridge.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The acknowledged rows of the attendance and exclusions feeds ({@link RowLedger}). A row enters its ledger only
 * when the hub acknowledges the batch that carried it; a delta is made against the ledger with the batches still
 * in the outbox laid over it, so that nothing pending is sent twice.
 */
public final class Ledgers {

    /** Rows this many days older than the newest acknowledged row are dropped: beyond any resend window. */
    static final int KEEP_EXTRA_DAYS = 31;
    private final Path dir;
    private final String school;

    public Ledgers(AgentHome home, String school) {
        this.dir = home.ledgers();
        this.school = school;
    }

    private Path file(Feed feed) {
        return dir.resolve(feed.id() + ".ledger");
    }

    public RowLedger acknowledged(Feed feed) throws IOException {
        return RowLedger.load(file(feed));
    }

    /** The acknowledged rows with those of pending batches of the same feed laid over them. */
    public RowLedger known(Feed feed, List<OutboxBatch> pending) throws IOException {
        RowLedger known = acknowledged(feed).copy();
        for (OutboxBatch b : pending) {
            if (b.kind() == feed) {
                rowsOf(b).forEach(r -> known.put(r.key(), r.value(), r.day()));
            }
        }
        return known;
    }

    /** Records the rows of a batch the hub acknowledged; doing it twice is harmless. */
    public void acknowledge(OutboxBatch batch, int resendDays) throws IOException {
        if (batch.kind() == Feed.CTF) {
            return;
        }
        RowLedger ledger = acknowledged(batch.kind());
        int newest = Integer.MIN_VALUE;
        for (CsvExport.Row r : rowsOf(batch)) {
            ledger.put(r.key(), r.value(), r.day());
            newest = Math.max(newest, r.day());
        }
        if (batch.kind() == Feed.ATTENDANCE && newest != Integer.MIN_VALUE) {
            ledger.pruneBefore(newest - resendDays - KEEP_EXTRA_DAYS);
        }
        ledger.save(file(batch.kind()));
    }

    private List<CsvExport.Row> rowsOf(OutboxBatch batch) throws IOException {
        byte[] content;
        try (InputStream in = batch.openContent()) {
            content = in.readAllBytes();
        }
        return CsvExport.readContent(batch.kind(), content, school).rows();
    }
}
