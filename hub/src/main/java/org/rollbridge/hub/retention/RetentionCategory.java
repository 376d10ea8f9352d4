package org.rollbridge.hub.retention;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A category of record in the retention schedule, with the clocks it may run from (the hub can only count from a
 * date it knows). Declared from the least to the most specific: when two periods end on the same day, the later
 * category is named as the one that governs.
 */
public enum RetentionCategory {
    /** Pupil record, every school's version, enrolments, marks and their history, exclusions, findings, held records. */
    EDUCATION("education", "Education record", EnumSet.of(RetentionClock.BIRTH)),
    /** Alert cases and their events. */
    SAFEGUARDING("safeguarding", "Safeguarding (alert cases)", EnumSet.of(RetentionClock.CASE_CLOSED)),
    /** Everything about a child who has been on a child protection plan. */
    CHILD_PROTECTION("child-protection", "Child protection plan",
            EnumSet.of(RetentionClock.PLAN_ENDED, RetentionClock.BIRTH)),
    /** Everything about a child who has been looked after. */
    LOOKED_AFTER("looked-after", "Looked after", EnumSet.of(RetentionClock.BIRTH));

    private final String id;
    private final String label;
    private final Set<RetentionClock> clocks;

    RetentionCategory(String id, String label, Set<RetentionClock> clocks) {
        this.id = id;
        this.label = label;
        this.clocks = clocks;
    }

    /** As the pages name it. */
    public String label() {
        return label;
    }

    /** The name in the schedule file, the JSON report and the pages. */
    public String id() {
        return id;
    }

    public Set<RetentionClock> clocks() {
        return clocks;
    }

    public static Optional<RetentionCategory> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
