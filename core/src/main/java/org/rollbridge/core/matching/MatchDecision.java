package org.rollbridge.core.matching;

import java.util.Locale;

/** What happens to an incoming record. */
public enum MatchDecision {
    /** Linked to the register person automatically. */
    LINK,
    /** A likely but uncertain match (or several candidates): a person decides. */
    REVIEW,
    /** No register person matches: held, and the school is asked whether the child is new to the LA. */
    NEW,
    /** An identifier (UPN or ULN) points at a register person whose date of birth and names disagree. */
    CONFLICT;

    /** The id used in output: {@code link}, {@code review}, {@code new}, {@code conflict}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
