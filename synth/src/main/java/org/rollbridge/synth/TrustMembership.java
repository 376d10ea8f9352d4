package org.rollbridge.synth;

import java.time.LocalDate;

/** An academy's membership of a trust from a date (inclusive) to a date (inclusive; null while current). */
public record TrustMembership(String laestab, Trust trust, LocalDate from, LocalDate to) {

    boolean coversDate(LocalDate d) {
        return !d.isBefore(from) && (to == null || !d.isAfter(to));
    }
}
