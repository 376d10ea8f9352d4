package org.rollbridge.hub.retention;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention's settings, each from a {@code ROLLBRIDGE_RETENTION_*} environment variable (docs/configuration.md).
 *
 * @param schedule the LA's schedule file; empty for the checked-in default
 * @param sliceSize how many people one deletion transaction takes
 * @param lockTimeout how long a deletion waits for a row daytime work holds before leaving that slice for later
 */
@ConfigurationProperties("rollbridge.retention")
public record RetentionSettings(Path schedule, int sliceSize, Duration lockTimeout) {

    public RetentionSettings {
        if (sliceSize < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_RETENTION_SLICE must be 1 or more; it was " + sliceSize);
        }
        if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("ROLLBRIDGE_RETENTION_LOCK_TIMEOUT must be a positive duration such "
                    + "as PT2S; it was " + lockTimeout);
        }
    }
}
