package org.rollbridge.core.validation;

import java.util.HashMap;
import java.util.Map;

/** Every UPN seen in one validation run, so a UPN used by two pupil records (in one file or two) is reported. */
final class UpnRegister {

    /** Where a record is; put into words only when a duplicate is reported. */
    record Place(int position, int line, String path) {
        @Override
        public String toString() {
            return "pupil " + position + " (line " + line + ") of " + path;
        }
    }

    private final Map<String, Place> firstSeen = new HashMap<>();

    /** Registers the UPN; reports UPN_DUPLICATE when an earlier record had it. */
    void see(String upn, Place where, FindingSink out) {
        if (upn == null || upn.isBlank()) {
            return;
        }
        String key = upn.strip();
        Place earlier = firstSeen.putIfAbsent(key, where);
        if (earlier != null) {
            out.add(Rule.UPN_DUPLICATE, "UPN", upn, upn, earlier);
        }
    }
}
