package org.rollbridge.core.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Estimates m and u from unlabelled candidate pairs by expectation-maximisation: the pairs are a mixture of
 * matches and non-matches, fields are taken as independent given the class, and EM finds the m, u and match
 * share that best explain the agreement patterns seen. Pairs are first counted by pattern, so an iteration
 * costs the number of distinct patterns, not of pairs.
 */
public final class ModelEstimation {

    private static final MatchField[] FIELDS = MatchField.values();
    /** No level is taken as impossible: caps a weight near +-13 bits, so one field cannot veto all others. */
    private static final double FLOOR = 1e-4;
    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-7;

    private final Map<Integer, Long> patternCounts = new HashMap<>();
    private long pairs;

    public void add(PairComparison c) {
        patternCounts.merge(encode(c.levels()), 1L, Long::sum);
        pairs++;
    }

    public void addAll(ModelEstimation other) {
        other.patternCounts.forEach((k, v) -> patternCounts.merge(k, v, Long::sum));
        pairs += other.pairs;
    }

    public long pairs() {
        return pairs;
    }

    /**
     * Runs EM from the given starting model; returns the converged model. Semi-supervised by the UPN: left free,
     * EM takes "the same family" (siblings and twins share a surname, a home and often a date of birth) for
     * "the same child", because candidate pairs hold many more siblings than true matches. So a pair whose
     * UPNs agree counts as a match and a pair with two valid different UPNs as a non-match, only the pairs
     * without that evidence are weighed by the model, and the identifiers' m stay as given.
     */
    public MatchModel estimate(MatchModel start) {
        int n = patternCounts.size();
        int[][] patterns = new int[n][];
        double[] counts = new double[n];
        int i = 0;
        for (Map.Entry<Integer, Long> e : patternCounts.entrySet()) {
            patterns[i] = decode(e.getKey());
            counts[i++] = e.getValue();
        }
        double[][] m = start.mTable();
        double[][] u = start.uTable();
        double p = start.matchShare();
        double[] posterior = new double[n];
        int iteration = 0;
        for (; iteration < MAX_ITERATIONS; iteration++) {
            // E step: the chance each pattern is a match under the current figures. Where both records carry a
            // UPN, the numbers say it: the same number is the same child, two valid different numbers are two.
            for (int k = 0; k < n; k++) {
                int upn = patterns[k][MatchField.UPN.ordinal()];
                if (upn == PairComparison.UPN_AGREE || upn == PairComparison.UPN_DIFFERENT) {
                    posterior[k] = upn == PairComparison.UPN_AGREE ? 1 : 0;
                    continue;
                }
                double pm = p;
                double pu = 1 - p;
                for (MatchField f : FIELDS) {
                    int level = patterns[k][f.ordinal()];
                    pm *= m[f.ordinal()][level];
                    pu *= u[f.ordinal()][level];
                }
                posterior[k] = pm / (pm + pu);
            }
            // M step: m and u are the level shares among (weighted) matches and non-matches, ignoring MISSING.
            double[][] newM = new double[FIELDS.length][];
            double[][] newU = new double[FIELDS.length][];
            double matchWeight = 0;
            double total = 0;
            for (int k = 0; k < n; k++) {
                matchWeight += posterior[k] * counts[k];
                total += counts[k];
            }
            double change = Math.abs(matchWeight / total - p);
            for (MatchField f : FIELDS) {
                double[] mm = new double[f.levelCount()];
                double[] uu = new double[f.levelCount()];
                for (int k = 0; k < n; k++) {
                    int level = patterns[k][f.ordinal()];
                    if (level != f.missing()) {
                        mm[level] += posterior[k] * counts[k];
                        uu[level] += (1 - posterior[k]) * counts[k];
                    }
                }
                normalise(mm, f.missing());
                normalise(uu, f.missing());
                if (f == MatchField.UPN || f == MatchField.ULN) {
                    mm = m[f.ordinal()];
                }
                for (int l = 0; l < f.missing(); l++) {
                    change = Math.max(change, Math.abs(mm[l] - m[f.ordinal()][l]));
                    change = Math.max(change, Math.abs(uu[l] - u[f.ordinal()][l]));
                }
                newM[f.ordinal()] = mm;
                newU[f.ordinal()] = uu;
            }
            m = newM;
            u = newU;
            p = Math.min(0.999, Math.max(1e-6, matchWeight / total));
            if (change < TOLERANCE) {
                iteration++;
                break;
            }
        }
        return new MatchModel(m, u, p, iteration);
    }

    private static void normalise(double[] shares, int missing) {
        double sum = 0;
        for (int l = 0; l < missing; l++) {
            sum += shares[l];
        }
        double floored = 0;
        for (int l = 0; l < missing; l++) {
            shares[l] = Math.max(FLOOR, sum == 0 ? 1.0 / missing : shares[l] / sum);
            floored += shares[l];
        }
        for (int l = 0; l < missing; l++) {
            shares[l] /= floored;
        }
        shares[missing] = 1;
    }

    private static int encode(byte[] levels) {
        int key = 0;
        for (int f = 0; f < levels.length; f++) {
            key |= levels[f] << (4 * f);
        }
        return key;
    }

    private static int[] decode(int key) {
        int[] levels = new int[FIELDS.length];
        for (int f = 0; f < FIELDS.length; f++) {
            levels[f] = (key >> (4 * f)) & 15;
        }
        return levels;
    }
}
