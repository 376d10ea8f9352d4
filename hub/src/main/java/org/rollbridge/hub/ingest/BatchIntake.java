package org.rollbridge.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.SchoolCredentials;
import org.rollbridge.hub.jobs.JobQueue;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a batch: stores it durably, then records it and queues its processing in one transaction.
 * The same client batch id with the same content is the same batch; with other content it is refused.
 */
@Service
public class BatchIntake {

    private static final Logger log = LoggerFactory.getLogger(BatchIntake.class);
    private final UploadStore store;
    private final BatchStore batches;
    private final JobQueue queue;
    private final SchoolCredentials schools;
    private final TransactionTemplate tx;
    private final HubProperties settings;
    private final TransactionLocks locks;

    public BatchIntake(UploadStore store, BatchStore batches, JobQueue queue, SchoolCredentials schools,
                       TransactionTemplate tx, HubProperties settings, TransactionLocks locks) {
        this.locks = locks;
        this.store = store;
        this.batches = batches;
        this.queue = queue;
        this.schools = schools;
        this.tx = tx;
        this.settings = settings;
    }

    /** What happened to an upload. */
    public record Outcome(Batch batch, boolean created) {
    }

    /** A batch id reused for different content. */
    public static final class ConflictingRedelivery extends RuntimeException {
        ConflictingRedelivery(String laestab, String clientBatchId) {
            super("Batch id '" + clientBatchId + "' from school " + laestab + " was already used for different "
                    + "content; send changed content under a new batch id");
        }
    }

    public Outcome receive(String laestab, String clientBatchId, BatchKind kind, String source, String fileName,
                           InputStream content) throws IOException {
        return receive(laestab, clientBatchId, kind, source, fileName, null, content);
    }

    /** As above, for a batch that replaces what the hub holds over {@code replaces} (null: adds and changes only). */
    public Outcome receive(String laestab, String clientBatchId, BatchKind kind, String source, String fileName,
                           ReplacedSpan replaces, InputStream content) throws IOException {
        UploadStore.Received received = store.receive(content, kind);
        var existing = batches.find(laestab, clientBatchId);
        if (existing.isPresent()) {
            store.discard(received);
            return redelivered(existing.get(), received, laestab, clientBatchId);
        }
        UUID id = UUID.randomUUID();
        Path stored = store.file(received, laestab, id, kind);
        try {
            tx.executeWithoutResult(s -> {
                schools.ensureSchool(laestab);
                // Held to commit, so the school's batches are numbered (batches.arrival) in the order they commit.
                locks.hold(SchoolLock.INTAKE, laestab);
                batches.insert(settings.la(), id, laestab, clientBatchId, kind, source, fileName, received, stored);
                if (replaces != null) {
                    batches.replaces(id, replaces);
                }
                queue.enqueue("process-batch", id);
            });
        } catch (DuplicateKeyException raced) {
            // Another request with the same batch id won the race; answer as a redelivery.
            java.nio.file.Files.deleteIfExists(stored);
            return redelivered(batches.find(laestab, clientBatchId).orElseThrow(), received, laestab, clientBatchId);
        }
        log.info("Batch {} received from school {}: {} {} bytes", id, laestab, kind.id(), received.size());
        return new Outcome(batches.find(id).orElseThrow(), true);
    }

    private Outcome redelivered(Batch batch, UploadStore.Received received, String laestab, String clientBatchId) {
        if (!batch.contentSha256().equals(received.sha256())) {
            throw new ConflictingRedelivery(laestab, clientBatchId);
        }
        return new Outcome(batch, false);
    }
}
