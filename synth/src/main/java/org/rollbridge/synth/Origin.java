package org.rollbridge.synth;

import org.rollbridge.core.code.Ethnicity;

/**
 * A family's naming tradition and the ethnicity a school most plausibly records for its children. Names come from
 * {@code names.txt}; children of parents of two origins are recorded with a mixed ethnicity.
 */
public enum Origin {
    WHITE_BRITISH(Ethnicity.WBRI, "ENG"),
    IRISH(Ethnicity.WIRI, "ENG"),
    IRISH_TRAVELLER(Ethnicity.WIRT, "ENG"),
    POLISH(Ethnicity.WOTH, "POL"),
    LITHUANIAN(Ethnicity.WOTH, "LIT"),
    ROMANIAN(Ethnicity.WOTH, "RUM"),
    PORTUGUESE(Ethnicity.WOTH, "POR"),
    ROMA(Ethnicity.WROM, "RMN"),
    INDIAN(Ethnicity.AIND, "PNJ"),
    PAKISTANI(Ethnicity.APKN, "URD"),
    BANGLADESHI(Ethnicity.ABAN, "BNG"),
    CHINESE(Ethnicity.CHNE, "CHI"),
    FILIPINO(Ethnicity.AOTH, "TGL"),
    NIGERIAN(Ethnicity.BAFR, "YOR"),
    GHANAIAN(Ethnicity.BAFR, "AKA"),
    SOMALI(Ethnicity.BAFR, "SOM"),
    CARIBBEAN(Ethnicity.BCRB, "ENG"),
    ARAB(Ethnicity.OOTH, "ARA"),
    TURKISH(Ethnicity.OOTH, "TUR");

    private final Ethnicity ethnicity;
    private final String language;

    Origin(Ethnicity ethnicity, String language) {
        this.ethnicity = ethnicity;
        this.language = language;
    }

    Ethnicity ethnicity() {
        return ethnicity;
    }

    /** The DfE language code a family of this origin most often speaks at home besides English. */
    String homeLanguage() {
        return language;
    }

    boolean asian() {
        return ethnicity.name().startsWith("A") || this == CHINESE;
    }

    boolean black() {
        return ethnicity.name().startsWith("B");
    }

    /** Ethnicity of a child whose parents are of origins {@code a} and {@code b}. */
    static Ethnicity mixed(Origin a, Origin b) {
        if (a == b) {
            return a.ethnicity;
        }
        Origin other = a == WHITE_BRITISH ? b : b == WHITE_BRITISH ? a : null;
        if (other == null) {
            return Ethnicity.MOTH;
        }
        if (other == CARIBBEAN) {
            return Ethnicity.MWBC;
        }
        if (other.black()) {
            return Ethnicity.MWBA;
        }
        if (other.asian()) {
            return Ethnicity.MWAS;
        }
        return other.ethnicity.name().startsWith("W") ? Ethnicity.WOTH : Ethnicity.MOTH;
    }
}
