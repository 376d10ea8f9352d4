package org.rollbridge.hub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.rollbridge.hub.UploadSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the upload of every batch completed more than ROLLBRIDGE_UPLOAD_KEEP_DAYS ago (the LA's tables hold what
 * was kept of it) and of every refused batch (nothing of it was kept); the batch's report, hash and counts stay. Runs each night with the retention run
 * (ROLLBRIDGE_RETENTION_CRON), which also erases, sooner, the uploads of people it deletes; both record the deletion
 * on the batch, so neither deletes twice.
 */
@Component
public class UploadExpiry {

    private static final Logger log = LoggerFactory.getLogger(UploadExpiry.class);
    private final BatchStore batches;
    private final UploadStore uploads;
    private final Clock clock;
    private final int keepDays;

    public UploadExpiry(BatchStore batches, UploadStore uploads, Clock clock, UploadSettings settings) {
        this.batches = batches;
        this.uploads = uploads;
        this.clock = clock;
        this.keepDays = settings.keepDays();
    }

    @Scheduled(cron = "${rollbridge.retention.cron}", zone = "Europe/London")
    public void scheduled() {
        run();
    }

    /** Deletes the uploads past their keeping period; returns how many. */
    public int run() {
        int deleted = 0;
        for (BatchStore.KeptUpload upload : batches.uploadsKeptSince(OffsetDateTime.now(clock).minusDays(keepDays))) {
            try {
                if (uploads.holds(upload.file())) {
                    Files.deleteIfExists(upload.file());
                } else {
                    log.warn("Upload of batch {} lies outside the upload store; left in place", upload.id());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the upload of batch " + upload.id(), e);
            }
            batches.uploadDeleted(upload.id());
            deleted++;
        }
        if (deleted > 0) {
            log.info("Deleted {} uploads kept longer than {} days after their batches completed", deleted, keepDays);
        }
        return deleted;
    }
}
