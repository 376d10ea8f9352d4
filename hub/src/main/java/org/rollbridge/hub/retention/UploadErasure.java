package org.rollbridge.hub.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rollbridge.hub.UploadSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the raw uploads a deletion queued, after the deletion committed (a crash in between leaves them queued for
 * the next run), and only ever inside the upload store.
 */
@Component
public class UploadErasure {

    private static final Logger log = LoggerFactory.getLogger(UploadErasure.class);
    private final PersonErasureStore erasure;
    private final Path dataDir;

    public UploadErasure(PersonErasureStore erasure, UploadSettings uploads) {
        this.erasure = erasure;
        this.dataDir = uploads.dataDir().toAbsolutePath().normalize();
    }

    public void drain() {
        for (PersonErasureStore.PendingUpload upload : erasure.pendingUploads()) {
            Path file = upload.file().toAbsolutePath().normalize();
            try {
                if (file.startsWith(dataDir)) {
                    Files.deleteIfExists(file);
                } else {
                    log.warn("Upload of batch {} lies outside the upload store; left in place", upload.batchId());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the upload of batch " + upload.batchId(), e);
            }
            erasure.uploadDeleted(upload.batchId());
        }
    }
}
