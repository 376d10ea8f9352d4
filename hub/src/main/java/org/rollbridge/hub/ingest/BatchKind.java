package org.rollbridge.hub.ingest;

import java.util.Locale;
import java.util.Optional;

/** The three feeds a school sends. */
public enum BatchKind {
    CTF, ATTENDANCE, EXCLUSIONS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BatchKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (BatchKind k : values()) {
            if (k.id().equalsIgnoreCase(text.strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Guesses the feed from a file name, as the formats page asks senders to name files. */
    public static Optional<BatchKind> fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".xml") || n.endsWith(".xml.gz")) {
            return Optional.of(CTF);
        }
        if (n.contains("attendance")) {
            return Optional.of(ATTENDANCE);
        }
        if (n.contains("exclusion")) {
            return Optional.of(EXCLUSIONS);
        }
        return Optional.empty();
    }
}
