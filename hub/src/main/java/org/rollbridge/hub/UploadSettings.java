package org.rollbridge.hub;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The durable upload store.
 *
 * @param dataDir where every batch is kept as received, before it is processed
 * @param maxBytes the largest upload accepted, counted after decompression
 */
@ConfigurationProperties("rollbridge.uploads")
public record UploadSettings(
        @Variable(value = "ROLLBRIDGE_DATA_DIR", byDefault = "./rollbridge-data") Path dataDir,
        @Variable(value = "ROLLBRIDGE_MAX_UPLOAD_BYTES", byDefault = "536870912") long maxBytes) {

    public UploadSettings {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_MAX_UPLOAD_BYTES must be 1 or more; it was " + maxBytes);
        }
    }
}
