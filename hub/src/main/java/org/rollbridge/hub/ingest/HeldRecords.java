package org.rollbridge.hub.ingest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records a batch held back: for errors ({@link BatchPipeline}) or because no person matched them (the feeds'
 * merges). When the person index gains a person (from the register or a confirmed review), or re-matching or a
 * review links a held record, the records are released into the LA's tables by their feed's {@link HeldRelease},
 * declared here so that ingest depends on none of the feeds.
 */
@Service
public class HeldRecords {

    private final JdbcClient db;
    private final TransactionLocks locks;
    private final HubProperties settings;
    private final List<HeldRelease> releases;
    private final SuppressedIdentifiers suppressed;

    public HeldRecords(JdbcClient db, TransactionLocks locks, HubProperties settings,
                       List<HeldRelease> releases, SuppressedIdentifiers suppressed) {
        this.db = db;
        this.locks = locks;
        this.settings = settings;
        this.releases = releases;
        this.suppressed = suppressed;
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
        String held = " from held_records where la = ? and " + which
                + " and status = 'held' and reason <> 'ERROR' and upn is not null";
        Map<String, Long> erased = suppressed.erasures(db.sql("select distinct upn" + held)
                .params(settings.la(), key).query(String.class).list());
        erased.forEach((upn, decision) -> db.sql("update held_records set reason = 'REVIEW', detail = ? where id in "
                        + "(select id" + held + " and upn = ?)")
                .params("The person this UPN belonged to was erased on erasure decision " + decision + ": held for "
                        + "the LA to review before any record is created for it again", settings.la(), key, upn)
                .update());
        return erased.size();
    }

    /** Releases every record held as unmatched under this UPN to the person; runs in the caller's transaction. */
    public int releaseFor(String upn, long personId) {
        if (upn == null || upn.isBlank()) {
            return 0;
        }
        List<Map<String, Object>> rows = db.sql("""
                select id, batch_id, laestab, feed, upn, payload::text as payload from held_records
                where la = ? and upn = ? and status = 'held' and reason in ('UNMATCHED', 'REVIEW')
                order by id for update""")
                .params(settings.la(), upn.strip()).query().listOfRows();
        rows.forEach(row -> release(row, personId));
        return rows.size();
    }

    /** Releases one held record (whatever its reason, e.g. a conflict a person resolved) to the person. */
    public boolean releaseRecord(long heldId, long personId) {
        List<Map<String, Object>> rows = db.sql("""
                select id, batch_id, laestab, feed, upn, payload::text as payload from held_records
                where la = ? and id = ? and status = 'held' and reason <> 'ERROR' for update""")
                .params(settings.la(), heldId).query().listOfRows();
        rows.forEach(row -> release(row, personId));
        return !rows.isEmpty();
    }

    private void release(Map<String, Object> row, long personId) {
        UUID batch = (UUID) row.get("batch_id");
        String laestab = (String) row.get("laestab");
        String feed = (String) row.get("feed");
        String upn = ((String) row.get("upn")).strip();
        locks.hold(SchoolLock.DATA, laestab);
        HeldRelease release = releases.stream().filter(r -> r.feed().equals(feed)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No release for held " + feed + " records"));
        release.release(batch, laestab, upn, personId, (String) row.get("payload"));
        db.sql("update held_records set status = 'released', released_at = now(), person_id = ? where id = ?")
                .params(personId, row.get("id")).update();
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
        return db.sql("""
                with gone as (
                    update held_records set status = 'superseded', released_at = now()
                    where la = ? and laestab = ? and feed = ? and status = 'held' and batch_id <> ?
                      and upn = any(string_to_array(?, ','))
                    returning id),
                reviews as (
                    update review_queue q set status = 'superseded', decided_by = 'a newer record', decided_at = now()
                    from gone where q.held_record_id = gone.id and q.status = 'open')
                select count(*) from gone""")
                .params(settings.la(), laestab, feed, batchId, String.join(",", upns)).query(Integer.class).single();
    }

    /** The pupils (UPNs) of one feed held from this batch, for {@link #supersedeEarlier}. */
    public List<String> heldUpns(UUID batchId, String feed) {
        return db.sql("select distinct upn from held_records where batch_id = ? and feed = ? and upn is not null")
                .params(batchId, feed).query(String.class).list();
    }

    /** Puts one kind of held record into the LA's tables once its person is known, in the caller's transaction. */
    public interface HeldRelease {
        String feed();

        void release(UUID batchId, String laestab, String upn, long personId, String payload);
    }
}
