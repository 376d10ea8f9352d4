package org.rollbridge.core.indicators;

import java.util.List;

/**
 * A pupil's exclusions as of a date, in the term containing it.
 *
 * @param term                     the term containing the as-of date
 * @param sessionsExcludedThisTerm suspension, lunchtime and permanent exclusion sessions in the term up to as-of
 * @param suspensionSessionsThisTerm suspension and lunchtime sessions of suspensions starting in the term
 * @param permanentExclusions      permanent exclusions started on or before as-of and not reinstated by then
 * @param unreadable               records left out because their category or start date could not be read
 */
public record PupilExclusions(Term term, int sessionsExcludedThisTerm, int suspensionSessionsThisTerm,
                              List<PermanentExclusionDuty> permanentExclusions, int unreadable) {

    public PupilExclusions {
        permanentExclusions = List.copyOf(permanentExclusions);
    }

    /** Suspensions in school days (two sessions a day; a lunchtime suspension is half a day). */
    public double suspensionDaysThisTerm() {
        return suspensionSessionsThisTerm / 2.0;
    }
}
