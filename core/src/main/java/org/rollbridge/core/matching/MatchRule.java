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
    PROBABILISTIC;

    /** The rule in words for the person reviewing a match. */
    public String label() {
        return switch (this) {
            case UPN -> "Same UPN (current or former)";
            case ULN -> "Same unique learner number";
            case DOB_NAME -> "Same date of birth, surname and start of forename";
            case POSTCODE_NAME -> "Same postcode, surname and start of forename";
            case PROBABILISTIC -> "Weighed over every field (probabilistic)";
        };
    }

    /** A stored rule id in words; an unknown one as it is. */
    public static String labelOf(String rule) {
        if (rule == null) {
            return null;
        }
        for (MatchRule r : values()) {
            if (r.name().equals(rule)) {
                return r.label();
            }
        }
        return rule;
    }
}
