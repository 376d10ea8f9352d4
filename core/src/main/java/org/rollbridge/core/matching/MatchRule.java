package org.rollbridge.core.matching;

/** The rule that decided a match, in the order they are tried. The names are the public rule ids. */
public enum MatchRule {
    /** Current or former UPN, on either side. */
    UPN,
    /** Unique learner number. */
    ULN,
    /** Date of birth + legal surname + first three letters of the legal forename. */
    DOB_NAME,
    /** Home postcode + legal surname + first three letters of the legal forename. */
    POSTCODE_NAME,
    /** Fellegi-Sunter match weight over all fields. */
    PROBABILISTIC
}
