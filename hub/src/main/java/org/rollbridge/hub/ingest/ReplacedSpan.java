package org.rollbridge.hub.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The days over which a batch replaces what the hub holds rather than only adding and changing (a reconciliation's
 * resend, docs/hub.md): the school's file holds everything of the batch's pupils in that span, so what the hub
 * holds there and the batch does not carry was deleted at the school. {@code school}: an attendance batch that is
 * the school's whole export over the span, so a pupil it does not carry has no marks there (the exclusions feed's
 * replacing batches are always the school's whole export).
 */
public record ReplacedSpan(LocalDate from, LocalDate to, boolean school) {

    public ReplacedSpan {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a span ends on or after it starts");
        }
    }

    public ReplacedSpan(LocalDate from, LocalDate to) {
        this(from, to, false);
    }

    /** The same span, over every pupil of the school. */
    public ReplacedSpan ofSchool() {
        return new ReplacedSpan(from, to, true);
    }

    /** Reads "yyyy-mm-dd..yyyy-mm-dd", as the agent sends it; empty when it is not that. */
    public static Optional<ReplacedSpan> parse(String text) {
        int dots = text == null ? -1 : text.indexOf("..");
        if (dots < 0) {
            return Optional.empty();
        }
        try {
            LocalDate from = LocalDate.parse(text.substring(0, dots).strip());
            LocalDate to = LocalDate.parse(text.substring(dots + 2).strip());
            return to.isBefore(from) ? Optional.empty() : Optional.of(new ReplacedSpan(from, to));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
