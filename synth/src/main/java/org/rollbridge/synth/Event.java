package org.rollbridge.synth;

import java.time.LocalDate;

/** A fact of the period the hub should discover: a move, a missing child, a long absence, a trust change. */
record Event(EventKind kind, Child child, String laestab, LocalDate from, LocalDate to, String detail) {
}
