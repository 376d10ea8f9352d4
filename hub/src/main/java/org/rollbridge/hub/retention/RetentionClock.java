package org.rollbridge.hub.retention;

import java.util.Arrays;
import java.util.Optional;

/** The date a retention period runs from, as the schedule file names it. */
public enum RetentionClock {
    /** The person's date of birth (the person index's, else the earliest any school sent). */
    BIRTH("birth", "Date of birth"),
    /** The day the last of the person's alert cases was resolved; an open case never starts the clock. */
    CASE_CLOSED("case-closed", "Last alert case closed"),
    /** The end of the latest child protection plan children's social care reported; an open plan never does. */
    PLAN_ENDED("plan-ended", "Latest child protection plan ended");

    private final String id;
    private final String label;

    RetentionClock(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** As the pages name it. */
    public String label() {
        return label;
    }

    public String id() {
        return id;
    }

    public static Optional<RetentionClock> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
