package org.rollbridge.core.pupil;

import java.util.Locale;
import java.util.Set;

/**
 * What a CTF's first language code says of English as an additional language (EAL). The DfE's codes are ENG
 * (English) and ENB (believed to be English), a language's own code, OTH and OTB (other than English, believed
 * other than English), REF (refused) and NOT (not obtained).
 */
public final class FirstLanguage {

    private static final Set<String> ENGLISH = Set.of("ENG", "ENB");
    private static final Set<String> UNKNOWN = Set.of("REF", "NOT");

    private FirstLanguage() {
    }

    /** True when the first language is other than English, false when English, null when not known. */
    public static Boolean eal(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (UNKNOWN.contains(c)) {
            return null;
        }
        return !ENGLISH.contains(c);
    }
}
