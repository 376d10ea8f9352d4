package org.rollbridge.synth;

/** The closed list of injected errors recorded in {@code truth/errors.csv}. */
public enum ErrorKind {
    /** The UPN's first letter does not match its check sum. */
    UPN_CHECK_LETTER("upn"),
    /** A temporary UPN (ends in a letter) sent in place of the pupil's permanent one. */
    UPN_TEMPORARY("upn"),
    /** The UPN of a different child at another school of the LA. */
    UPN_DUPLICATE_ACROSS_SCHOOLS("upn"),
    POSTCODE_MISSING("postcode"),
    /** A postcode that does not have the format of one. */
    POSTCODE_MALFORMED("postcode"),
    /** Leading, trailing or doubled spaces in a name. */
    NAME_EXTRA_SPACES("forename"),
    /** A real date, but not the child's: digits mistyped. */
    DOB_TYPO("dob"),
    /** A date that does not exist, such as 2016-02-30. */
    DOB_IMPOSSIBLE("dob"),
    /** The NC year disagrees with the date of birth. */
    DOB_NC_YEAR_MISMATCH("nc_year"),
    ETHNICITY_INVALID("ethnicity"),
    SEN_PROVISION_INVALID("sen_provision"),
    /** A register mark that is no attendance code. */
    ATTENDANCE_CODE_INVALID("attendance"),
    /** Register duplicates: a second record of a person, created with a field-level mistake. */
    DUPLICATE_TYPO("legal_surname"),
    DUPLICATE_TRANSPOSITION("legal_forename"),
    DUPLICATE_NICKNAME("legal_forename"),
    DUPLICATE_SURNAME_CHANGE("legal_surname"),
    DUPLICATE_DAY_MONTH_SWAP("dob"),
    DUPLICATE_NO_UPN("upn");

    private final String field;

    ErrorKind(String field) {
        this.field = field;
    }

    /** The field the error is in, unless the injector names another (a name error may be in the surname). */
    String field() {
        return field;
    }
}
