package org.rollbridge.core.indicators.alerts;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an alert case is in the officers' hands: raised by the rules, assigned to an officer, acknowledged,
 * resolved with a reason. Stored by {@link #label()}.
 */
public enum CaseStatus {
    RAISED, ASSIGNED, ACKNOWLEDGED, RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseStatus of(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + label + "' is not a case status"));
    }
}
