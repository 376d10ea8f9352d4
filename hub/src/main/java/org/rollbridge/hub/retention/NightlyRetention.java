package org.rollbridge.hub.retention;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly retention run as of today in London, after the nightly alerts (so a case the alerts resolve tonight
 * counts from tonight). Scheduled by ROLLBRIDGE_RETENTION_CRON ({@link org.rollbridge.hub.RetentionSettings}); {@code -} turns it off.
 */
@Component
public class NightlyRetention {

    public static final String ACTOR = "nightly-retention";
    private final RetentionRun run;

    public NightlyRetention(RetentionRun run) {
        this.run = run;
    }

    @Scheduled(cron = "${rollbridge.retention.cron}", zone = "Europe/London")
    public void scheduled() {
        run.run(run.today(), false, ACTOR);
    }
}
