package org.rollbridge.hub.ingest;

import java.util.List;
import java.util.UUID;
import org.rollbridge.hub.ingest.HeldRecordStore.Releasable;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
import org.springframework.stereotype.Service;

/**
 * Records a batch held back: for errors ({@link BatchPipeline}) or because no person matched them (the feeds'
 * merges). When the person index gains a person (from the register or a confirmed review), or re-matching or a
 * review links a held record, the records are released into the LA's tables by their feed's {@link HeldRelease},
 * declared here so that ingest depends on none of the feeds. The rows are {@link HeldRecordStore}'s.
 */
@Service
public class HeldRecords {

    private final HeldRecordStore held;
    private final TransactionLocks locks;
    private final List<HeldRelease> releases;

    public HeldRecords(HeldRecordStore held, TransactionLocks locks, List<HeldRelease> releases) {
        this.held = held;
        this.locks = locks;
        this.releases = releases;
    }

    /** Releases every record held as unmatched under this UPN to the person; runs in the caller's transaction. */
    public int releaseFor(String upn, long personId) {
        if (upn == null || upn.isBlank()) {
            return 0;
        }
        List<Releasable> rows = held.lockUnmatched(upn.strip());
        rows.forEach(row -> release(row, personId));
        return rows.size();
    }

    /** Releases one held record (whatever its reason, e.g. a conflict a person resolved) to the person. */
    public boolean releaseRecord(long heldId, long personId) {
        List<Releasable> rows = held.lockOne(heldId);
        rows.forEach(row -> release(row, personId));
        return !rows.isEmpty();
    }

    private void release(Releasable record, long personId) {
        locks.hold(SchoolLock.DATA, record.laestab());
        HeldRelease release = releases.stream().filter(r -> r.feed().equals(record.feed())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No release for held " + record.feed() + " records"));
        release.release(record.batchId(), record.laestab(), record.upn().strip(), personId, record.payload());
        held.markReleased(record.id(), personId);
    }

    /**
     * The school's records of one feed still held from earlier batches for these pupils are superseded by the
     * batch's newer ones (stored or held again), with their open review items, so that resends do not pile up.
     * For whole records only (a CTF's pupil): a held attendance patch is not replaced by a later one.
     * Returns how many were superseded.
     */
    public int supersedeEarlier(UUID batchId, String laestab, String feed, List<String> upns) {
        if (upns.isEmpty()) {
            return 0;
        }
        return held.supersede(batchId, laestab, feed, upns);
    }

    /** The pupils (UPNs) of one feed held from this batch, for {@link #supersedeEarlier}. */
    public List<String> heldUpns(UUID batchId, String feed) {
        return held.heldUpns(batchId, feed);
    }

    /** Puts one kind of held record into the LA's tables once its person is known, in the caller's transaction. */
    public interface HeldRelease {
        String feed();

        void release(UUID batchId, String laestab, String upn, long personId, String payload);
    }
}
