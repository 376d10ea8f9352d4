package org.rollbridge.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Disclosure control of the figures shown below pupil level (docs/access.md).
 *
 * @param smallestCount the smallest count of pupils shown to a role that may not see the pupils; smaller non-zero
 *                      counts are shown as {@code c}
 */
@ConfigurationProperties("rollbridge.disclosure")
public record DisclosureSettings(
        @Variable(value = "ROLLBRIDGE_SMALLEST_COUNT", byDefault = "10") int smallestCount) {

    public DisclosureSettings {
        if (smallestCount < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_SMALLEST_COUNT must be 1 or more; it was " + smallestCount);
        }
    }
}
