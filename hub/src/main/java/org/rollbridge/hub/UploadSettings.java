package org.rollbridge.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The durable upload store and what one school may send.
 *
 * @param dataDir where every batch is kept (encrypted) until it is merged and its keeping period is over
 * @param maxBytes the largest upload accepted, counted after decompression
 * @param keys the ring of keys uploads are encrypted with at rest, {@code id:base64key} entries, the first current
 * @param keysFile a file holding that ring instead, one entry a line; one of the two is required, so the key is
 *                 never made and kept beside the files it opens (the demo and the tests give their own)
 * @param keepDays days a merged batch's upload is kept before it is deleted (its report and hash stay)
 * @param maxCompressionRatio the most a gzip upload may inflate, as decompressed bytes per compressed byte
 * @param schoolBytesPerDay the decompressed bytes one school may upload in a day (London time)
 * @param schoolBatchesPerHour the batches one school may upload in an hour
 */
@ConfigurationProperties("rollbridge.uploads")
public record UploadSettings(
        @Variable(value = "ROLLBRIDGE_DATA_DIR", byDefault = "./rollbridge-data") Path dataDir,
        @Variable(value = "ROLLBRIDGE_MAX_UPLOAD_BYTES", byDefault = "536870912") long maxBytes,
        @Variable("ROLLBRIDGE_UPLOAD_KEYS") String keys,
        @Variable("ROLLBRIDGE_UPLOAD_KEYS_FILE") Path keysFile,
        @Variable(value = "ROLLBRIDGE_UPLOAD_KEEP_DAYS", byDefault = "30") int keepDays,
        @Variable(value = "ROLLBRIDGE_MAX_COMPRESSION_RATIO", byDefault = "200") int maxCompressionRatio,
        @Variable(value = "ROLLBRIDGE_SCHOOL_BYTES_PER_DAY", byDefault = "2147483648") long schoolBytesPerDay,
        @Variable(value = "ROLLBRIDGE_SCHOOL_BATCHES_PER_HOUR", byDefault = "120") int schoolBatchesPerHour) {

    public UploadSettings {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_MAX_UPLOAD_BYTES must be 1 or more; it was " + maxBytes);
        }
        if (keepDays < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_UPLOAD_KEEP_DAYS must be 1 or more; it was " + keepDays);
        }
        if (maxCompressionRatio < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_MAX_COMPRESSION_RATIO must be 1 or more; it was "
                    + maxCompressionRatio);
        }
        if (schoolBytesPerDay < 1 || schoolBatchesPerHour < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_SCHOOL_BYTES_PER_DAY and ROLLBRIDGE_SCHOOL_BATCHES_PER_HOUR "
                    + "must be 1 or more; they were " + schoolBytesPerDay + " and " + schoolBatchesPerHour);
        }
    }

    /**
     * Refuses a hub without an upload key. Checked once every setting is read (HubSettings), so a malformed value
     * and a missing suppression key are named first.
     */
    void requireKey() {
        if ((keys == null || keys.isBlank()) && keysFile == null) {
            // Earlier versions made the key in the data directory: its uploads open only with that key.
            Path made = dataDir == null ? null : dataDir.resolve("upload.keys");
            throw new IllegalArgumentException("ROLLBRIDGE_UPLOAD_KEYS_FILE (or ROLLBRIDGE_UPLOAD_KEYS) is not set: "
                    + "it holds the key uploads are encrypted with at rest. " + (made != null && Files.exists(made)
                    ? "This hub's earlier key is in " + made + ": move it outside ROLLBRIDGE_DATA_DIR, readable by "
                    + "the hub's user only, and set ROLLBRIDGE_UPLOAD_KEYS_FILE to it"
                    : "Make one with '(umask 077; echo k1:$(openssl rand -base64 32) > /etc/rollbridge/upload.keys)',"
                    + " outside ROLLBRIDGE_DATA_DIR, and set ROLLBRIDGE_UPLOAD_KEYS_FILE to it"));
        }
    }

    /** The keys are secrets: never in a log or an error. */
    @Override
    public String toString() {
        return "UploadSettings[dataDir=" + dataDir + ", maxBytes=" + maxBytes + ", keys=(hidden), keysFile="
                + keysFile + ", keepDays=" + keepDays + ", maxCompressionRatio=" + maxCompressionRatio
                + ", schoolBytesPerDay=" + schoolBytesPerDay + ", schoolBatchesPerHour=" + schoolBatchesPerHour + "]";
    }
}
