package org.rollbridge.hub;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * When the nightly alert recompute runs.
 *
 * @param cron a Spring cron expression (second minute hour day month weekday); {@code -} turns the run off
 * @param zone the time zone of {@code cron}
 */
@ConfigurationProperties("rollbridge.nightly")
public record NightlySettings(
        @Variable(value = "ROLLBRIDGE_NIGHTLY_CRON", byDefault = "0 30 2 * * *") String cron,
        @Variable(value = "ROLLBRIDGE_NIGHTLY_ZONE", byDefault = "Europe/London") ZoneId zone) {

    public NightlySettings {
        if (!Scheduled.CRON_DISABLED.equals(cron)) {
            try {
                CronExpression.parse(cron);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ROLLBRIDGE_NIGHTLY_CRON must be a Spring cron expression of six "
                        + "fields (second minute hour day month weekday) such as '0 30 2 * * *', or '-' for no "
                        + "nightly run; it was '" + cron + "': " + e.getMessage(), e);
            }
        }
    }
}
