package org.rollbridge.hub;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub's own settings, each bound from a {@code ROLLBRIDGE_*} environment variable in application.properties.
 *
 * @param la the LA code every row carries
 * @param dataDir where uploads are stored durably before they are processed
 * @param workers how many batches are processed at once
 * @param maxUploadBytes the largest upload accepted, after decompression
 * @param adminToken the LA administrator's token; empty disables administration over HTTP
 */
@ConfigurationProperties("rollbridge")
public record HubProperties(String la, Path dataDir, int workers, long maxUploadBytes, String adminToken,
                            Duration jobRetryDelay, int jobMaxAttempts, Duration jobPollInterval) {

    public HubProperties {
        if (la == null || !la.matches("\\d{3}")) {
            throw new IllegalArgumentException("ROLLBRIDGE_LA must be a 3-digit LA code, e.g. 926; it was '" + la + "'");
        }
        if (workers < 0) {
            throw new IllegalArgumentException("ROLLBRIDGE_WORKERS must be 0 or more; it was " + workers);
        }
    }
}
