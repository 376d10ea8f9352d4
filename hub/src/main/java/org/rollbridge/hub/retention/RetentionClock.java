package org.rollbridge.hub.retention;

import java.util.Arrays;
import java.util.Optional;

/** The date a retention period runs from, as the schedule file names it. */
public enum RetentionClock {
    /** The person's date of birth (the person index's, else the earliest any school sent). */
    BIRTH("birth"),
    /** The day the last of the person's alert cases was resolved; an open case never starts the clock. */
    CASE_CLOSED("case-closed"),
    /** The end of the latest child protection plan children's social care reported; an open plan never does. */
    PLAN_ENDED("plan-ended");

    private final String id;

    RetentionClock(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Optional<RetentionClock> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
