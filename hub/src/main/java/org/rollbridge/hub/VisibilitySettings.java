package org.rollbridge.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who sees which pupils (docs/access.md).
 *
 * @param schoolTailDays days a school still sees a pupil after the pupil left its roll
 */
@ConfigurationProperties("rollbridge.visibility")
public record VisibilitySettings(
        @Variable(value = "ROLLBRIDGE_SCHOOL_TAIL_DAYS", byDefault = "30") int schoolTailDays) {

    public VisibilitySettings {
        if (schoolTailDays < 0) {
            throw new IllegalArgumentException("ROLLBRIDGE_SCHOOL_TAIL_DAYS must be 0 or more; it was "
                    + schoolTailDays);
        }
    }
}
