package org.rollbridge.core.validation;

import java.util.HashMap;
import java.util.Map;

/** Every UPN seen in one validation run, so a UPN used by two pupil records (in one file or two) is reported. */
final class UpnRegister {

    private final Map<String, String> firstSeen = new HashMap<>();

    /** Registers the UPN; reports UPN_DUPLICATE when an earlier record had it. */
    void see(String upn, String where, FindingSink out) {
        if (upn == null || upn.isBlank()) {
            return;
        }
        String key = upn.strip().toUpperCase(java.util.Locale.ROOT);
        String earlier = firstSeen.putIfAbsent(key, where);
        if (earlier != null) {
            out.add(Rule.UPN_DUPLICATE, "UPN", upn, upn, earlier);
        }
    }
}
