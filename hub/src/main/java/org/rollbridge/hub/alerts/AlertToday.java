package org.rollbridge.hub.alerts;

import java.time.LocalDate;

/**
 * The date alerts are worked out as of. The hub uses the system clock; a test supplies its own bean so that
 * date-driven alerts (the sixth school day of a permanent exclusion) are checked on a fixed day.
 */
@FunctionalInterface
public interface AlertToday {

    LocalDate today();
}
