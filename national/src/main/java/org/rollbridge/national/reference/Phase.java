package org.rollbridge.national.reference;

import java.util.Optional;

/** The school phases the DfE publishes attendance by; "Total" rows are the sum of the three. */
public enum Phase {
    PRIMARY("Primary"),
    SECONDARY("Secondary"),
    SPECIAL("Special");

    public static final String TOTAL = "Total";

    private final String published;

    Phase(String published) {
        this.published = published;
    }

    /** As the DfE's files write it ({@code education_phase}). */
    public String published() {
        return published;
    }

    public static Optional<Phase> parse(String text) {
        for (Phase p : values()) {
            if (p.published.equalsIgnoreCase(text == null ? "" : text.strip()) || p.name().equalsIgnoreCase(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
