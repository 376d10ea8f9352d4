package org.rollbridge.core.indicators.alerts;

/**
 * The alerts an LA must act on. The names are a public contract (reports, the hub's case table, other tools).
 * Each has a default threshold in the unit it states, or none when the rule has no threshold.
 */
public enum AlertId {
    CONSECUTIVE_ABSENCE_10(10, "school days", "Absent for consecutive school days"),
    CONSECUTIVE_UNAUTHORISED_10(10, "school days", "Absent without permission for consecutive school days"),
    PERSISTENT_ABSENCE(10, "% of possible sessions", "Persistently absent"),
    SEVERE_ABSENCE(50, "% of possible sessions", "Severely absent"),
    REDUCED_TIMETABLE(1, "C2 sessions", "On a reduced (part-time) timetable"),
    HEALTH_15_DAYS(15, "school days of illness in the academic year", "Missing education through illness"),
    PERMANENT_EXCLUSION_DAY_6(null, null, "Permanently excluded: full-time education due from the sixth school day"),
    SUSPENSIONS_OVER_15_DAYS(15, "school days suspended in the term", "Suspended for more than the threshold in a term"),
    LEFT_NO_DESTINATION(null, null, "Left a school roll with no known destination and on no other roll"),
    NEW_TO_ROLL_NON_STANDARD(null, null, "Joined a school roll at a non-standard transition point"),
    COHORT_ABSENCE(7, "days looked back for unauthorised absence",
            "Child with a social worker, looked after or on a CP plan is absent");

    private final Integer defaultThreshold;
    private final String unit;
    private final String description;

    AlertId(Integer defaultThreshold, String unit, String description) {
        this.defaultThreshold = defaultThreshold;
        this.unit = unit;
        this.description = description;
    }

    /** Null when the rule has no threshold. */
    public Integer defaultThreshold() {
        return defaultThreshold;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }
}
