package org.rollbridge.core.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * How common each value of a name is in the register. Agreeing on a rare surname says more than agreeing on
 * SMITH: the weight of exact agreement is adjusted by log2(sum of squared shares / share of this value), the
 * ratio of the chance that two random people agree on any value to the chance that they agree on this one.
 */
public final class TermFrequencies {

    /** Caps the adjustment so that one very rare or very common name cannot decide a match alone. */
    static final double MAX_ADJUSTMENT = 3.0;

    private final Map<String, Integer> counts;
    private final double total;
    private final double sumOfSquaredShares;

    private TermFrequencies(Map<String, Integer> counts) {
        this.counts = counts;
        long t = 0;
        for (int c : counts.values()) {
            t += c;
        }
        this.total = Math.max(1, t);
        double s = 0;
        for (int c : counts.values()) {
            double share = c / total;
            s += share * share;
        }
        this.sumOfSquaredShares = s;
    }

    public static TermFrequencies of(Iterable<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return new TermFrequencies(counts);
    }

    /** From counts already made (e.g. grouped in a database), keyed by {@link NameKey} form. */
    public static TermFrequencies ofCounts(Map<String, Integer> counts) {
        Map<String, Integer> kept = new HashMap<>();
        counts.forEach((v, c) -> {
            if (v != null && !v.isEmpty() && c != null && c > 0) {
                kept.merge(v, c, Integer::sum);
            }
        });
        return new TermFrequencies(kept);
    }

    public static TermFrequencies none() {
        return new TermFrequencies(Map.of());
    }

    /** Bits to add to the weight of exact agreement on this value; 0 when the register has no figures. */
    public double adjustment(String value) {
        if (value == null || counts.isEmpty()) {
            return 0;
        }
        double share = Math.max(1, counts.getOrDefault(value, 0)) / total;
        double bits = Math.log(sumOfSquaredShares / share) / Math.log(2);
        return Math.max(-MAX_ADJUSTMENT, Math.min(MAX_ADJUSTMENT, bits));
    }

    public int count(String value) {
        return counts.getOrDefault(value, 0);
    }
}
