package org.rollbridge.hub.ingest;

import java.util.List;
import java.util.Map;
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
    private final SchoolRollStore roll;
    private final SuppressedIdentifiers suppressed;

    public HeldRecords(HeldRecordStore held, TransactionLocks locks, List<HeldRelease> releases,
                       SchoolRollStore roll, SuppressedIdentifiers suppressed) {
        this.held = held;
        this.roll = roll;
        this.suppressed = suppressed;
        this.locks = locks;
        this.releases = releases;
    }

    /**
     * The batch's records held for want of a person whose UPN belonged to a person the LA erased are held for
     * review instead, saying so: an officer decides what becomes of them, and neither a register load nor a
     * review quietly recreates the person. Records held for errors stay so. Runs in the merge transaction; returns
     * how many UPNs were suppressed.
     */
    public int holdSuppressed(UUID batchId) {
        return holdSuppressed("batch_id = ?", batchId);
    }

    /** The same for these held records, after matching them again gave them a new reason. */
    public int holdSuppressed(List<Long> heldIds) {
        return heldIds.isEmpty() ? 0 : holdSuppressed("id = any (?)", (Object) heldIds.toArray(Long[]::new));
    }

    private int holdSuppressed(String which, Object key) {
        Map<String, Long> erased = suppressed.erasures(held.unmatchedUpns(which, key));
        erased.forEach((upn, decision) -> held.holdForReview(which, key, upn, "The person this UPN belonged to was "
                + "erased on erasure decision " + decision + ": held for the LA to review before any record is "
                + "created for it again"));
        return erased.size();
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

    /**
     * Releases the school's rows held because their pupil was not on its roll ({@link SchoolRollStore}) whose
     * pupil now is; runs in the caller's transaction after the school's pupils were stored. Returns how many.
     */
    public int releaseOnRoll(String laestab) {
        List<SchoolRollStore.OnRoll> due = roll.heldNowOnRoll(laestab);
        due.forEach(onRoll -> releaseRecord(onRoll.heldId(), onRoll.personId()));
        return due.size();
    }

    private void release(Releasable record, long personId) {
        locks.hold(SchoolLock.DATA, record.laestab());
        HeldRelease release = releases.stream().filter(r -> r.feed().equals(record.feed())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No release for held " + record.feed() + " records"));
        release.release(record.batchId(), record.laestab(), record.upn().strip(), personId, record.payload());
        held.markReleased(record.id(), personId);
        if (record.feed().equals("ctf")) {
            // A pupil's record released onto the roll brings the school's rows held for want of it.
            releaseOnRoll(record.laestab());
        }
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
