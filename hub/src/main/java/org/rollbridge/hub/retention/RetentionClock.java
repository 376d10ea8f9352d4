package org.rollbridge.hub.retention;

import java.util.Optional;
import org.rollbridge.core.code.Choice;

/** The date a retention period runs from, as the schedule file names it. */
public enum RetentionClock implements Choice {
    /** The person's date of birth (the person index's, else the earliest any school sent). */
    BIRTH("Date of birth"),
    /** The day the last of the person's alert cases was resolved; an open case never starts the clock. */
    CASE_CLOSED("Last alert case closed"),
    /** The end of the latest child protection plan children's social care reported; an open plan never does. */
    PLAN_ENDED("Latest child protection plan ended");

    private final String label;

    RetentionClock(String label) {
        this.label = label;
    }

    /** As the pages name it. */
    @Override
    public String label() {
        return label;
    }

    /** By its id, as the schedule file names it: birth, case-closed, plan-ended. */
    public static Optional<RetentionClock> byId(String id) {
        return Choice.byId(RetentionClock.class, id);
    }
}
