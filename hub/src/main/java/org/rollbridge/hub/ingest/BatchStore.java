package org.rollbridge.hub.ingest;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The batches table. */
@Repository
public class BatchStore {

    private final JdbcClient db;

    public BatchStore(JdbcClient db) {
        this.db = db;
    }

    public Optional<Batch> find(UUID id) {
        return db.sql("select * from batches where id = ?").param(id).query(BatchStore::row).optional();
    }

    public Optional<Batch> find(String laestab, String clientBatchId) {
        return db.sql("select * from batches where laestab = ? and client_batch_id = ?")
                .params(laestab, clientBatchId).query(BatchStore::row).optional();
    }

    /** A school's most recent batches, newest first. */
    public java.util.List<Batch> recent(String laestab, int limit) {
        return db.sql("select * from batches where laestab = ? order by received_at desc limit ?")
                .params(laestab, limit).query(BatchStore::row).list();
    }

    void insert(String la, UUID id, String laestab, String clientBatchId, BatchKind kind, String source,
                String fileName, UploadStore.Received received, Path stored) {
        db.sql("""
                insert into batches (id, la, laestab, client_batch_id, kind, source, file_name, content_sha256,
                                     size_bytes, stored_path, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued')""")
                .params(id, la, laestab, clientBatchId, kind.id(), source, fileName, received.sha256(),
                        received.size(), stored.toString())
                .update();
    }

    void replaces(UUID id, ReplacedSpan span) {
        db.sql("update batches set replaces_from = ?, replaces_to = ?, replaces_school = ? where id = ?")
                .params(span.from(), span.to(), span.school(), id).update();
    }

    /** The span of days the batch replaces at the hub, if it is a replacing batch. */
    public Optional<ReplacedSpan> replaces(UUID id) {
        return db.sql("""
                select replaces_from, replaces_to, replaces_school from batches
                where id = ? and replaces_from is not null""")
                .param(id).query((rs, n) -> new ReplacedSpan(rs.getObject(1, java.time.LocalDate.class),
                        rs.getObject(2, java.time.LocalDate.class), rs.getBoolean(3))).optional();
    }

    /**
     * The client batch id of the school's earliest batch of the same feed received before this one and not yet
     * finished, if any: this batch must wait for it (docs/hub.md, "Order").
     */
    Optional<String> earlierUnfinished(UUID id) {
        return db.sql("""
                select e.client_batch_id from batches b
                join batches e on e.laestab = b.laestab and e.kind = b.kind and e.arrival < b.arrival
                where b.id = ? and e.status in ('queued', 'processing')
                order by e.arrival limit 1""")
                .param(id).query(String.class).optional();
    }

    /** The batch is being worked on: staged, matched or merged. */
    void processing(UUID id) {
        db.sql("update batches set status = 'processing', started_at = coalesce(started_at, now()) where id = ?")
                .param(id).update();
    }

    /** The batch's outcome, counts and report, written in the caller's transaction. */
    void concluded(UUID id, String status, int read, int imported, int held, String reportJson) {
        db.sql("""
                update batches set status = ?, merged_at = case when ? = 'completed' then now() end,
                       completed_at = now(), records_read = ?, records_imported = ?, records_held = ?,
                       report = ?::jsonb
                where id = ?""")
                .params(status, status, read, imported, held, reportJson, id)
                .update();
    }

    /** The hub gave up on the batch after its last attempt. */
    void failed(UUID id, String reportJson) {
        db.sql("update batches set status = 'failed', completed_at = now(), report = ?::jsonb where id = ?")
                .params(reportJson, id).update();
    }

    /** Whether the batch is the school's whole roll ({@code full}) or some of its pupils ({@code partial}). */
    public void snapshot(UUID id, String snapshot) {
        db.sql("update batches set snapshot = ? where id = ?").params(snapshot, id).update();
    }

    public Optional<String> snapshot(UUID id) {
        return db.sql("select snapshot from batches where id = ?").param(id).query(String.class).optional();
    }

    /** When each feed of a school last completed a batch, by feed ({@link BatchKind#id()}). */
    public Map<String, OffsetDateTime> lastCompleted(String laestab) {
        Map<String, OffsetDateTime> last = new LinkedHashMap<>();
        db.sql("""
                select kind, max(completed_at) from batches where laestab = ? and status = 'completed'
                group by kind""").param(laestab)
                .query(rs -> {
                    last.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                });
        return last;
    }

    /** When each school last completed a batch of any feed, by LAESTAB. */
    public Map<String, OffsetDateTime> lastCompletedBySchool() {
        Map<String, OffsetDateTime> last = new LinkedHashMap<>();
        db.sql("select laestab, max(completed_at) from batches where status = 'completed' group by laestab")
                .query(rs -> {
                    last.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                });
        return last;
    }

    static Batch row(ResultSet rs, int n) throws SQLException {
        return new Batch(rs.getObject("id", UUID.class), rs.getString("laestab"), rs.getString("client_batch_id"),
                BatchKind.parse(rs.getString("kind")).orElseThrow(), rs.getString("source"), rs.getString("file_name"),
                rs.getString("content_sha256"), rs.getLong("size_bytes"), Path.of(rs.getString("stored_path")),
                rs.getString("status"), rs.getObject("received_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class), (Integer) rs.getObject("records_read"),
                (Integer) rs.getObject("records_imported"), (Integer) rs.getObject("records_held"),
                rs.getString("report"));
    }

    /** A processed batch whose upload is still kept. */
    public record KeptUpload(UUID id, Path file) {
    }

    /**
     * Batches completed before {@code before}, and every refused batch (its report says why; nothing of it was
     * stored), whose uploads are still kept, oldest first.
     */
    public java.util.List<KeptUpload> uploadsKeptSince(OffsetDateTime before) {
        return db.sql("""
                select id, stored_path from batches
                where (status = 'completed' and completed_at < ? or status = 'refused') and upload_erased_at is null
                order by completed_at limit 10000""")
                .param(before).query((rs, n) -> new KeptUpload(rs.getObject(1, UUID.class),
                        Path.of(rs.getString(2)))).list();
    }

    /** The batch's upload is gone; its report, hash and counts stay. */
    public void uploadDeleted(UUID id) {
        db.sql("update batches set upload_erased_at = now() where id = ? and upload_erased_at is null").param(id)
                .update();
    }

    /** A school's recent uploads: batches in the last hour (and the oldest of them), bytes since midnight. */
    public record Usage(int batchesInHour, OffsetDateTime oldestInHour, long bytesToday) {
    }

    public Usage usage(String laestab, OffsetDateTime hourAgo, OffsetDateTime midnight) {
        return db.sql("""
                select count(*) filter (where received_at > ?), min(received_at) filter (where received_at > ?),
                       coalesce(sum(size_bytes) filter (where received_at >= ?), 0)
                from batches where laestab = ? and received_at >= least(?::timestamptz, ?::timestamptz)""")
                .params(hourAgo, hourAgo, midnight, laestab, hourAgo, midnight)
                .query((rs, n) -> new Usage(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3)))
                .single();
    }
}
