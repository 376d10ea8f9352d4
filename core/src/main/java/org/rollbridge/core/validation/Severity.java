package org.rollbridge.core.validation;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters. An LA may switch a rule off; an error holds the record (or file) back. */
public enum Severity {
    ERROR, WARNING, OFF;

    /** The lower-case name used in reports and configuration: {@code error}, {@code warning}, {@code off}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> Optional.of(ERROR);
            case "warning", "warn" -> Optional.of(WARNING);
            case "off", "none" -> Optional.of(OFF);
            default -> Optional.empty();
        };
    }
}
