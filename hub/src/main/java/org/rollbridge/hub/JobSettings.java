package org.rollbridge.hub;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The background work queue.
 *
 * @param workers batches processed at once; 0 processes nothing in the background
 * @param retryDelay the wait before a failed batch is tried again
 * @param maxAttempts attempts before a batch is marked failed
 * @param pollInterval how often an idle worker looks for queued work
 */
@ConfigurationProperties("rollbridge.jobs")
public record JobSettings(
        @Variable(value = "ROLLBRIDGE_WORKERS", byDefault = "2") int workers,
        @Variable(value = "ROLLBRIDGE_JOB_RETRY_DELAY", byDefault = "PT30S") Duration retryDelay,
        @Variable(value = "ROLLBRIDGE_JOB_MAX_ATTEMPTS", byDefault = "5") int maxAttempts,
        @Variable(value = "ROLLBRIDGE_JOB_POLL_INTERVAL", byDefault = "PT1S") Duration pollInterval) {

    public JobSettings {
        if (workers < 0) {
            throw new IllegalArgumentException("ROLLBRIDGE_WORKERS must be 0 or more; it was " + workers);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_JOB_MAX_ATTEMPTS must be 1 or more; it was " + maxAttempts);
        }
        HubSettings.requireNotNegative("ROLLBRIDGE_JOB_RETRY_DELAY", retryDelay);
        HubSettings.requirePositive("ROLLBRIDGE_JOB_POLL_INTERVAL", pollInterval);
    }
}
