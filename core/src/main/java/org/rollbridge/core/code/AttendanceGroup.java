package org.rollbridge.core.code;

/** How an attendance code counts: DfE's groups. */
public enum AttendanceGroup {
    PRESENT(true, false),
    APPROVED_EDUCATIONAL_ACTIVITY(true, false),
    AUTHORISED_ABSENCE(true, true),
    UNAUTHORISED_ABSENCE(true, true),
    NOT_POSSIBLE(false, false);

    private final boolean possible;
    private final boolean absence;

    AttendanceGroup(boolean possible, boolean absence) {
        this.possible = possible;
        this.absence = absence;
    }

    /** Counts as a possible session (the denominator of every rate). */
    public boolean possible() {
        return possible;
    }

    public boolean absence() {
        return absence;
    }
}
