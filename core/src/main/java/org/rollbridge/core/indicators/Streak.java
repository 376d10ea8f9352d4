package org.rollbridge.core.indicators;

import java.time.LocalDate;

/** A run of consecutive school days absent: its length in school days and its first and last day. */
public record Streak(int days, LocalDate start, LocalDate end) {

    public static final Streak NONE = new Streak(0, null, null);

    public boolean isNone() {
        return days == 0;
    }
}
