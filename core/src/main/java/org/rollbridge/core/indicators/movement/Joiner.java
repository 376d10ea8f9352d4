package org.rollbridge.core.indicators.movement;

import java.time.LocalDate;

/**
 * A pupil added to a school's roll between two snapshots.
 *
 * @param admitted    the admission date sent, or null when the school sent none
 * @param nonStandard not at a standard transition point, so the school must tell the LA within 5 days
 */
public record Joiner(RollEntry entry, LocalDate admitted, boolean nonStandard) {
}
