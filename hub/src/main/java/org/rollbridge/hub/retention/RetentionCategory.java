package org.rollbridge.hub.retention;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.rollbridge.core.code.Choice;

/**
 * A category of record in the retention schedule, with the clocks it may run from (the hub can only count from a
 * date it knows). Declared from the least to the most specific: when two periods end on the same day, the later
 * category is named as the one that governs.
 */
public enum RetentionCategory implements Choice {
    /** Pupil record, every school's version, enrolments, marks and their history, exclusions, findings, held records. */
    EDUCATION("Education record", EnumSet.of(RetentionClock.BIRTH)),
    /** Alert cases and their events. */
    SAFEGUARDING("Safeguarding (alert cases)", EnumSet.of(RetentionClock.CASE_CLOSED)),
    /** Everything about a child who has been on a child protection plan. */
    CHILD_PROTECTION("Child protection plan",
            EnumSet.of(RetentionClock.PLAN_ENDED, RetentionClock.BIRTH)),
    /** Everything about a child who has been looked after. */
    LOOKED_AFTER("Looked after", EnumSet.of(RetentionClock.BIRTH));

    private final String label;
    private final Set<RetentionClock> clocks;

    RetentionCategory(String label, Set<RetentionClock> clocks) {
        this.label = label;
        this.clocks = clocks;
    }

    /** As the pages name it. */
    @Override
    public String label() {
        return label;
    }

    public Set<RetentionClock> clocks() {
        return clocks;
    }

    /**
     * By its id, the name in the schedule file, the JSON report and the pages: education, safeguarding,
     * child-protection, looked-after.
     */
    public static Optional<RetentionCategory> byId(String id) {
        return Choice.byId(RetentionCategory.class, id);
    }
}
