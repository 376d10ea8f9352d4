package org.rollbridge.core.indicators.movement;

import java.time.LocalDate;

/**
 * A pupil who came off a school's roll between two snapshots.
 *
 * @param left           the leaving date sent, or null when the pupil simply disappeared from the school's file
 * @param destination    the leaving destination sent (school, LA or description), or null
 * @param onAnotherRoll  the pupil is on another roll in the LA in the later snapshot
 */
public record Leaver(RollEntry entry, LocalDate left, String destination, boolean onAnotherRoll) {

    public boolean knownDestination() {
        return destination != null && !destination.isBlank();
    }

    /** Off every roll in the LA: a potential child missing education. */
    public boolean missingEducationCandidate() {
        return !onAnotherRoll;
    }
}
