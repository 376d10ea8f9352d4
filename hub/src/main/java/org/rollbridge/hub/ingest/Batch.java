package org.rollbridge.hub.ingest;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A batch as stored: one upload of one feed from one school. */
public record Batch(UUID id, String laestab, String clientBatchId, BatchKind kind, String source, String fileName,
                    String contentSha256, long sizeBytes, Path storedPath, String status, OffsetDateTime receivedAt,
                    OffsetDateTime completedAt, Integer recordsRead, Integer recordsImported, Integer recordsHeld,
                    String report) {

    public boolean finished() {
        return status.equals("completed") || status.equals("refused") || status.equals("failed");
    }
}
