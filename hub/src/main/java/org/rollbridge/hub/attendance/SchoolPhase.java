package org.rollbridge.hub.attendance;

/**
 * A school's phase from its establishment number, by the DfE's numbering of establishments within an LA: 1000-1099
 * nursery, 1100-1199 pupil referral units and alternative provision, 2000-3999 primary, 4000-4999 secondary,
 * 5200-5399 primary and 5400-5999 secondary (foundation schools and academies), 6000-6999 independent, 7000-7999
 * special. The hub is not told phases, and these ranges are how every LA numbers its schools.
 */
public enum SchoolPhase {
    PRIMARY("Primary"), SECONDARY("Secondary"), SPECIAL("Special"), ALTERNATIVE_PROVISION("Alternative provision"),
    NURSERY("Nursery"), OTHER("Other");

    private final String label;

    SchoolPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The phase the DfE publishes figures for that this school is compared with: its own, or for a nursery school
     * primary (the DfE publishes none for nurseries, and primary schools take the nearest ages), or all schools.
     */
    public String published() {
        return switch (this) {
            case PRIMARY, NURSERY -> "Primary";
            case SECONDARY -> "Secondary";
            case SPECIAL -> "Special";
            case ALTERNATIVE_PROVISION, OTHER -> "Total";
        };
    }

    public static SchoolPhase of(String laestab) {
        int estab;
        try {
            estab = Integer.parseInt(laestab.strip().substring(3));
        } catch (RuntimeException e) {
            return OTHER;
        }
        if (estab >= 1000 && estab < 1100) {
            return NURSERY;
        } else if (estab >= 1100 && estab < 1200) {
            return ALTERNATIVE_PROVISION;
        } else if (estab >= 2000 && estab < 4000 || estab >= 5200 && estab < 5400) {
            return PRIMARY;
        } else if (estab >= 4000 && estab < 5000 || estab >= 5400 && estab < 6000) {
            return SECONDARY;
        } else if (estab >= 7000 && estab < 8000) {
            return SPECIAL;
        }
        return OTHER;
    }
}
