package org.rollbridge.bench.evaluation;

/**
 * What an incoming record of the evaluation corpus is, and so what the right answer is: the kinds whose person
 * is in the register should be linked (or at least proposed for review); the others are children new to the LA.
 */
public enum RecordKind {
    /** Carries the person's UPN; sometimes a moved postcode or a name typo besides. */
    UPN_KNOWN(true, 0.39),
    /** No UPN or ULN, details exactly as registered. */
    NO_ID_EXACT(true, 0.08),
    /** No UPN or ULN, one error: a name typo, a date error, a moved home or a missing sex. */
    ONE_ERROR(true, 0.08),
    /** No UPN or ULN, two or three errors: name typos, a date error, a moved postcode. */
    MULTI_ERROR(true, 0.12),
    /** The forename as a nickname or another transliteration (Mohammed / Muhammad, Aleksander / Alexander). */
    NICKNAME(true, 0.03),
    /** Hyphenated, double or changed surname. */
    SURNAME_CHANGE(true, 0.035),
    /** Date of birth with day and month swapped, year off by one, a digit wrong, or month and year only. */
    DATE_ERROR(true, 0.04),
    /** Date of birth, postcode or sex left empty. */
    MISSING_VALUES(true, 0.03),
    /** The family moved: another postcode, nearby or not. */
    POSTCODE_MOVE(true, 0.03),
    /** An exact copy, without identifiers, of one twin or triplet; the siblings are in the register too. */
    TWIN_EXACT(true, 0.02),
    /** A twin or triplet's record without identifiers and with one error. */
    TWIN_ERROR(true, 0.015),
    /** The child's details with another register child's valid UPN, keyed by mistake. */
    UPN_OF_ANOTHER_CHILD(true, 0.006),
    /** The child's UPN with one keying error. */
    UPN_TYPO(true, 0.01),
    /** New to the LA: a brother or sister of a registered child, same surname and home. */
    NEW_SIBLING(false, 0.03),
    /** New to the LA, resembling a registered child: same surname, date of birth and sex, forename sharing its
     * first letters, a UPN issued by another LA. */
    NEW_LOOKALIKE(false, 0.048),
    /** New to the LA, unrelated to anyone registered. */
    NEW_UNRELATED(false, 0.036);

    private final boolean registered;
    private final double share;

    RecordKind(boolean registered, double share) {
        this.registered = registered;
        this.share = share;
    }

    /** True when the record's person is in the register. */
    public boolean registered() {
        return registered;
    }

    /** The kind's share of incoming records. */
    double share() {
        return share;
    }
}
