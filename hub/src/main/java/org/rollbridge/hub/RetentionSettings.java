package org.rollbridge.hub;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * Retention (docs/retention.md): the LA's schedule, when the nightly run deletes and how it keeps out of daytime
 * work's way.
 *
 * @param schedule the LA's schedule file; empty for the checked-in default
 * @param cron when the nightly run starts (Europe/London); {@code -} turns it off
 * @param sliceSize how many people one deletion transaction takes
 * @param lockTimeout how long a deletion waits for a row daytime work holds before leaving that slice for later
 */
@ConfigurationProperties("rollbridge.retention")
public record RetentionSettings(
        @Variable("ROLLBRIDGE_RETENTION_SCHEDULE") Path schedule,
        @Variable(value = "ROLLBRIDGE_RETENTION_CRON", byDefault = "0 30 3 * * *") String cron,
        @Variable(value = "ROLLBRIDGE_RETENTION_SLICE", byDefault = "500") int sliceSize,
        @Variable(value = "ROLLBRIDGE_RETENTION_LOCK_TIMEOUT", byDefault = "PT2S") Duration lockTimeout) {

    public RetentionSettings {
        if (!Scheduled.CRON_DISABLED.equals(cron)) {
            try {
                CronExpression.parse(cron);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ROLLBRIDGE_RETENTION_CRON must be a Spring cron expression of six "
                        + "fields such as '0 30 3 * * *', or '-' for no nightly run; it was '" + cron + "'", e);
            }
        }
        if (sliceSize < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_RETENTION_SLICE must be 1 or more; it was " + sliceSize);
        }
        HubSettings.requirePositive("ROLLBRIDGE_RETENTION_LOCK_TIMEOUT", lockTimeout);
    }
}
