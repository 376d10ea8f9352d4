package org.rollbridge.core.matching;

/**
 * Tuning for the cascade.
 *
 * @param linkThreshold   match weight (bits) at or above which rule 5 links automatically
 * @param reviewThreshold match weight at or above which rule 5 sends the record for review; below it, new
 * @param margin          bits by which the best candidate must beat the runner-up to be linked automatically
 * @param probabilistic   false runs rules 1-4 only (what is left is new; ambiguous ones go to review)
 * @param estimationSample incoming records whose candidate pairs feed the EM estimation of m and u
 * @param maxBlockSize    blocks larger than this are not searched: a key shared by that many people is no key
 */
public record MatchSettings(double linkThreshold, double reviewThreshold, double margin, boolean probabilistic,
                            int estimationSample, int maxBlockSize) {

    /** Chosen from the measured curve on the evaluation corpus (tuning seeds 1-3): see docs/matching.md. */
    public static final double DEFAULT_LINK = 11.0;
    public static final double DEFAULT_REVIEW = 4.0;
    public static final double DEFAULT_MARGIN = 4.0;

    public MatchSettings {
        if (reviewThreshold > linkThreshold) {
            throw new IllegalArgumentException("the review threshold (" + reviewThreshold
                    + ") must not be above the link threshold (" + linkThreshold + ")");
        }
    }

    public static MatchSettings defaults() {
        return new MatchSettings(DEFAULT_LINK, DEFAULT_REVIEW, DEFAULT_MARGIN, true, 20_000, 2_000);
    }

    public MatchSettings withThresholds(double link, double review) {
        return new MatchSettings(link, review, margin, probabilistic, estimationSample, maxBlockSize);
    }

    public MatchSettings withMargin(double bits) {
        return new MatchSettings(linkThreshold, reviewThreshold, bits, probabilistic, estimationSample, maxBlockSize);
    }

    public MatchSettings deterministicOnly() {
        return new MatchSettings(linkThreshold, reviewThreshold, margin, false, estimationSample, maxBlockSize);
    }
}
