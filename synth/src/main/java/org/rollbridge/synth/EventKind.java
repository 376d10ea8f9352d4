package org.rollbridge.synth;

/** The kinds of event recorded in {@code truth/events.csv}. */
public enum EventKind {
    /** Joined a school's roll at a non-standard time (after the start of the autumn term). */
    JOINED_NON_STANDARD,
    /** Left for another school in the LA (detail: the destination LAESTAB). */
    LEFT_TO_SCHOOL,
    /** Left for a school or home outside the LA. */
    LEFT_OUT_OF_LA,
    /** Left with no known destination: a potential child missing education. */
    LEFT_NO_DESTINATION,
    /** Dual registered: main at one school, subsidiary at another on some weekdays. */
    DUAL_REGISTERED,
    /** An academy moved from one trust to another (no child). */
    TRUST_CHANGE,
    /** 10 or more consecutive school days of unauthorised absence. */
    UNAUTHORISED_STREAK_10,
    /** 10 or more consecutive school days of absence of any kind. */
    ABSENCE_STREAK_10,
    /** On a part-time timetable (C2 marks). */
    PART_TIME,
    /** Permanently excluded (detail: reason, and whether reinstated). */
    PERMANENT_EXCLUSION
}
