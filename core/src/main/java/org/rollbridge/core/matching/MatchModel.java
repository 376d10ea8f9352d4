package org.rollbridge.core.matching;

import java.util.Arrays;
import java.util.Locale;

/**
 * A Fellegi-Sunter model: for each field and agreement level, m (the chance that a true match shows that level)
 * and u (the chance that two different people show it). The weight of a level is log2(m/u) bits; a pair's
 * match weight is the sum over fields, with exact name agreement adjusted by how common the name is.
 * Immutable; estimated from data by {@link ModelEstimation} or taken from {@link #defaults()}.
 */
public final class MatchModel {

    private static final MatchField[] FIELDS = MatchField.values();

    private final double[][] m;
    private final double[][] u;
    private final double[][] weights;
    private final double matchShare;
    private final int iterations;

    MatchModel(double[][] m, double[][] u, double matchShare, int iterations) {
        this.m = deepCopy(m);
        this.u = deepCopy(u);
        this.matchShare = matchShare;
        this.iterations = iterations;
        this.weights = new double[FIELDS.length][];
        for (MatchField f : FIELDS) {
            double[] w = new double[f.levelCount()];
            for (int l = 0; l < f.missing(); l++) {
                w[l] = Math.log(m[f.ordinal()][l] / u[f.ordinal()][l]) / Math.log(2);
            }
            weights[f.ordinal()] = w; // MISSING stays 0: no evidence either way
        }
    }

    /**
     * Prior figures for when there is too little data to estimate from (a handful of held records): rounded from
     * what EM and random pairs give on the evaluation corpus (a register of a few thousand children), with
     * disagreement on sex and date of birth kept from counting as an outright veto.
     */
    public static MatchModel defaults() {
        double[][] m = new double[FIELDS.length][];
        double[][] u = new double[FIELDS.length][];
        set(m, u, MatchField.UPN, new double[] {0.95, 0.02, 0.025, 0.005},
                new double[] {0.0002, 0.00005, 0.02, 0.97975});
        set(m, u, MatchField.ULN, new double[] {0.95, 0.05}, new double[] {0.001, 0.999});
        set(m, u, MatchField.FORENAME, new double[] {0.84, 0.03, 0.10, 0.01, 0.005, 0.005, 0.005, 0.005},
                new double[] {0.015, 0.004, 0.004, 0.0005, 0.005, 0.006, 0.05, 0.9155});
        set(m, u, MatchField.SURNAME, new double[] {0.86, 0.035, 0.065, 0.006, 0.004, 0.004, 0.026},
                new double[] {0.025, 0.008, 0.003, 0.0012, 0.0007, 0.003, 0.9591});
        set(m, u, MatchField.DOB, new double[] {0.86, 0.018, 0.034, 0.07, 0.012, 0.006},
                new double[] {0.0004, 0.00007, 0.0004, 0.0046, 0.0037, 0.99083});
        set(m, u, MatchField.SEX, new double[] {0.995, 0.005}, new double[] {0.5, 0.5});
        set(m, u, MatchField.POSTCODE, new double[] {0.77, 0.012, 0.12, 0.098},
                new double[] {0.0022, 0.0036, 0.026, 0.9682});
        return new MatchModel(m, u, 0.05, 0);
    }

    private static void set(double[][] m, double[][] u, MatchField f, double[] mv, double[] uv) {
        m[f.ordinal()] = Arrays.copyOf(mv, f.levelCount());
        u[f.ordinal()] = Arrays.copyOf(uv, f.levelCount());
        m[f.ordinal()][f.missing()] = 1;
        u[f.ordinal()][f.missing()] = 1;
    }

    /** The same m and u with another prior match share: the starting point for an estimation. */
    public MatchModel withMatchShare(double share) {
        return new MatchModel(m, u, share, iterations);
    }

    /**
     * These m with u from elsewhere: EM's u describes the candidate pairs blocking chose (which mostly share a
     * date of birth or a surname), so agreeing on those would count for almost nothing; u from people paired at
     * random says how rare agreement really is, as Splink does.
     */
    MatchModel withU(double[][] populationU) {
        return new MatchModel(m, populationU, matchShare, iterations);
    }

    public double m(MatchField field, int level) {
        return m[field.ordinal()][level];
    }

    public double u(MatchField field, int level) {
        return u[field.ordinal()][level];
    }

    /** log2(m/u) for the level; 0 for MISSING. */
    public double weight(MatchField field, int level) {
        return weights[field.ordinal()][level];
    }

    /** The share of candidate pairs that are true matches, as estimated. */
    public double matchShare() {
        return matchShare;
    }

    /** EM iterations it took to estimate; 0 for the defaults. */
    public int iterations() {
        return iterations;
    }

    /** Weight per field (bits) for a compared pair, with exact name agreement adjusted by name frequency. */
    public double[] fieldWeights(PairComparison c, TermFrequencies surnames, TermFrequencies forenames) {
        return fieldWeights(c, surnames, forenames, TermFrequencies.none());
    }

    /**
     * Weight per field (bits) for a compared pair, with exact agreement on a name or a date of birth adjusted by
     * how common the value is (twins and triplets share a date; Smith is shared by many).
     */
    public double[] fieldWeights(PairComparison c, TermFrequencies surnames, TermFrequencies forenames,
                                 TermFrequencies birthDates) {
        double[] w = new double[FIELDS.length];
        for (MatchField f : FIELDS) {
            w[f.ordinal()] = weight(f, c.level(f));
        }
        if (c.level(MatchField.SURNAME) == PairComparison.NAME_EXACT) {
            w[MatchField.SURNAME.ordinal()] = adjusted(MatchField.SURNAME, surnames.adjustment(c.agreedSurname()));
        } else if (c.alikeSurnames() != null) {
            w[MatchField.SURNAME.ordinal()] += nearlyAdjustment(surnames, c.alikeSurnames());
        }
        if (c.level(MatchField.FORENAME) == PairComparison.NAME_EXACT) {
            w[MatchField.FORENAME.ordinal()] = adjusted(MatchField.FORENAME, forenames.adjustment(c.agreedForename()));
        } else if (c.alikeForenames() != null) {
            w[MatchField.FORENAME.ordinal()] += nearlyAdjustment(forenames, c.alikeForenames());
        }
        if (c.agreedDob() != null) {
            w[MatchField.DOB.ordinal()] = adjusted(MatchField.DOB, birthDates.adjustment(c.agreedDob()));
        }
        return w;
    }

    /**
     * A name that nearly agrees (Olivia / Oliwia, Smith / Smith-Jones) says less when it is near a common name:
     * many more register people are one slip from Olivia than from Zebedee. Adjusted by the commoner of the two
     * names, and only downwards: a slip could as well have come from another, commoner name.
     */
    private static double nearlyAdjustment(TermFrequencies names, String[] alike) {
        return Math.min(0, Math.min(names.adjustment(alike[0]), names.adjustment(alike[1])));
    }

    /**
     * Exact agreement adjusted for how common the value is, but never below the field's best inexact level
     * adjusted alike: Olivia written Olivia must not count for less than Olivia written Oliwia, or a twin would
     * outscore the child the record is an exact copy of.
     */
    private double adjusted(MatchField f, double adjustment) {
        double[] w = weights[f.ordinal()];
        double floor = Double.NEGATIVE_INFINITY;
        for (int l = 1; l < f.missing(); l++) {
            floor = Math.max(floor, w[l]);
        }
        return Math.max(w[0] + adjustment, floor + Math.min(0, adjustment) + 0.5);
    }

    public static double total(double[] fieldWeights) {
        double s = 0;
        for (double w : fieldWeights) {
            s += w;
        }
        return s;
    }

    double[][] mTable() {
        return deepCopy(m);
    }

    double[][] uTable() {
        return deepCopy(u);
    }

    private static double[][] deepCopy(double[][] t) {
        double[][] c = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            c[i] = t[i].clone();
        }
        return c;
    }

    /**
     * The figures as a table for people: per field and level, m, u and the weight in bits. Printed by the
     * benchmark and by {@code ./rollbridge match} (on stderr), so an LA can see what its own data taught.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Match model (%s): share of candidate pairs that match %.4f%n",
                iterations == 0 ? "default figures" : "m and u estimated by EM in " + iterations + " iterations",
                matchShare));
        sb.append(String.format(Locale.ROOT, "  %-9s %-18s %8s %10s %8s%n", "field", "level", "m", "u", "bits"));
        for (MatchField f : FIELDS) {
            for (int l = 0; l < f.missing(); l++) {
                sb.append(String.format(Locale.ROOT, "  %-9s %-18s %8.4f %10.6f %+8.2f%n", f.column(),
                        f.levels().get(l), m[f.ordinal()][l], u[f.ordinal()][l], weights[f.ordinal()][l]));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MatchModel[p=").append(String.format("%.4f", matchShare));
        for (MatchField f : FIELDS) {
            sb.append("\n  ").append(f).append(':');
            for (int l = 0; l < f.missing(); l++) {
                sb.append(String.format(" %s m=%.4f u=%.5f w=%+.2f;", f.levels().get(l), m[f.ordinal()][l],
                        u[f.ordinal()][l], weights[f.ordinal()][l]));
            }
        }
        return sb.append(']').toString();
    }
}
