package org.rollbridge.core.indicators.alerts;

import java.util.Objects;

/** One row of an LA's alert table: whether the alert is raised and at what threshold (null when it has none). */
public record AlertRule(AlertId id, boolean enabled, Integer threshold) {

    public AlertRule {
        Objects.requireNonNull(id, "id");
        if (id.defaultThreshold() == null) {
            threshold = null;
        } else if (threshold == null) {
            threshold = id.defaultThreshold();
        } else if (threshold < 1) {
            throw new IllegalArgumentException(id + ": the threshold must be a whole number of at least 1, not "
                    + threshold);
        }
    }

    public static AlertRule byDefault(AlertId id) {
        return new AlertRule(id, true, id.defaultThreshold());
    }
}
