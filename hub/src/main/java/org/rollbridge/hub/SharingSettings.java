package org.rollbridge.hub;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * Onward sharing (docs/sharing.md).
 *
 * @param agreements    the LA's agreements file; empty for the checked-in default
 * @param cron          when the nightly share delivers the previous day's extracts (Europe/London); {@code -} off
 * @param folder        where the nightly share writes the extracts of agreements delivered to a folder
 * @param signingSecret the secret the hub signs its HTTPS deliveries with, shared with their recipients; empty
 *                      when no agreement delivers over HTTPS
 */
@ConfigurationProperties("rollbridge.sharing")
public record SharingSettings(
        @Variable("ROLLBRIDGE_SHARING_AGREEMENTS") Path agreements,
        @Variable(value = "ROLLBRIDGE_SHARING_CRON", byDefault = "0 0 4 * * *") String cron,
        @Variable(value = "ROLLBRIDGE_SHARING_FOLDER", byDefault = "share") Path folder,
        @Variable("ROLLBRIDGE_SHARING_SIGNING_SECRET") String signingSecret) {

    /** The shortest signing secret taken. */
    public static final int SHORTEST_SECRET = 32;

    public SharingSettings {
        signingSecret = signingSecret == null ? "" : signingSecret.strip();
        if (!signingSecret.isEmpty() && signingSecret.length() < SHORTEST_SECRET) {
            throw new IllegalArgumentException("ROLLBRIDGE_SHARING_SIGNING_SECRET must be at least " + SHORTEST_SECRET
                    + " characters (it was " + signingSecret.length() + "); make one with: openssl rand -base64 48");
        }
        if (cron != null && !Scheduled.CRON_DISABLED.equals(cron)) {
            try {
                CronExpression.parse(cron);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ROLLBRIDGE_SHARING_CRON must be a Spring cron expression of six "
                        + "fields (second minute hour day month weekday) such as '0 0 4 * * *', or '-' for no "
                        + "nightly share; it was '" + cron + "': " + e.getMessage(), e);
            }
        }
    }

    /** Never the secret itself, which a log of the settings would otherwise print. */
    @Override
    public String toString() {
        return "SharingSettings[agreements=" + agreements + ", cron=" + cron + ", folder=" + folder
                + ", signingSecret=" + (signingSecret.isEmpty() ? "unset" : "set") + "]";
    }
}
