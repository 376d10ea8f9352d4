package org.rollbridge.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The quarterly access review (docs/access.md).
 *
 * @param dormantDays an account with no sign-in for this many days is listed as dormant
 */
@ConfigurationProperties("rollbridge.access-review")
public record AccessReviewSettings(
        @Variable(value = "ROLLBRIDGE_DORMANT_DAYS", byDefault = "90") int dormantDays) {

    public AccessReviewSettings {
        if (dormantDays < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_DORMANT_DAYS must be 1 or more; it was " + dormantDays);
        }
    }
}
