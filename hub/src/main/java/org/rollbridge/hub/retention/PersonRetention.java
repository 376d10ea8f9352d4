package org.rollbridge.hub.retention;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * When each applicable category's period ends for one person ({@link LocalDate#MAX} while its clock has not
 * started: an open alert case or child protection plan), and whether a legal hold is on them. The person's records
 * go on the latest of these days unless held.
 */
public record PersonRetention(long personId, Map<RetentionCategory, LocalDate> ends, boolean held) {

    public PersonRetention {
        ends = Collections.unmodifiableMap(new EnumMap<>(ends));
    }

    /** The category whose period ends last; on a tie, the more specific one. */
    public RetentionCategory governing() {
        RetentionCategory governing = RetentionCategory.EDUCATION;
        for (Map.Entry<RetentionCategory, LocalDate> e : ends.entrySet()) {
            if (!e.getValue().isBefore(ends.getOrDefault(governing, LocalDate.MIN))) {
                governing = e.getKey();
            }
        }
        return governing;
    }

    /** The first day the records may go; {@link LocalDate#MAX} when not yet known. */
    public LocalDate deletionDate() {
        return ends.getOrDefault(governing(), LocalDate.MAX);
    }

    public boolean dueOn(LocalDate asOf) {
        return !deletionDate().isAfter(asOf);
    }
}
