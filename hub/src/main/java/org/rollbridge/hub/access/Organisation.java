package org.rollbridge.hub.access;

/**
 * An organisation by its code: the DfE ("DFE"), an LA by its 3-digit code, a trust by its group UID, a school by
 * its LAESTAB.
 */
public record Organisation(OrganisationKind kind, String code) {

    public static final Organisation DFE = new Organisation(OrganisationKind.DFE, "DFE");

    public Organisation {
        if (kind == null || code == null || code.isBlank()) {
            throw new IllegalArgumentException("An organisation needs a kind and a code");
        }
    }

    public static Organisation la(String code) {
        return new Organisation(OrganisationKind.LA, code);
    }

    public static Organisation trust(String code) {
        return new Organisation(OrganisationKind.TRUST, code);
    }

    public static Organisation school(String laestab) {
        return new Organisation(OrganisationKind.SCHOOL, laestab);
    }

    @Override
    public String toString() {
        return kind + ":" + code;
    }
}
