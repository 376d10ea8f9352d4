package org.rollbridge.hub.sharing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An item an agreement may share, by its column name in the extracts. Where each comes from is in docs/sharing.md;
 * {@link #SESSIONS} is the day's session marks (the DfE feed's sessions.csv), not a column.
 */
public enum SharedItem {
    URN, LA_CODE, UPN, FORENAME, SURNAME, DOB, GENDER, ETHNICITY, LOOKED_AFTER, PREVIOUSLY_LOOKED_AFTER, SEN_SUPPORT,
    EHC_PLAN, FSM, NC_YEAR, ADDRESS, POSTCODE, SCHOOL, FIRST_LANGUAGE, EAL, EXCLUSIONS, EYFS, SESSIONS;

    /** The items a name-address-dob restriction leaves. */
    static final java.util.Set<SharedItem> NAME_ADDRESS_DOB = java.util.EnumSet.of(FORENAME, SURNAME, DOB, ADDRESS,
            POSTCODE);

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SharedItem> named(String column) {
        return Arrays.stream(values()).filter(i -> i.column().equals(column)).findFirst();
    }
}
