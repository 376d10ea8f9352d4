package org.rollbridge.synth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rollbridge.core.code.SenProvision;

/**
 * How likely each child is to be away: heterogeneous, so that persistent and severe absence come out right and not
 * just the mean. A small severe group (absent most of the time) and a log-normal majority whose spread is chosen so
 * the share above 10% matches the phase's persistent absence; FSM, SEN and social-care involvement raise it.
 */
final class Propensity {

    /** Mean day-absence propensity of the severe group. */
    private static final double SEVERE_MEAN = 0.76;
    /** Sampling noise lifts pupils over the 10% line; the latent share is set below the target by this much. */
    private static final double PA_NOISE = 1.0;

    /** Caps and interruptions (holidays, closures, exclusions) shave the chain's mean; measured, then restored. */
    private static final double MEAN_LIFT = 1.22;

    private Propensity() {
    }

    static void assign(List<Child> children, int[] home, List<School> schools, PhaseTargets targets,
                       RandomGenerator r) {
        Map<RatePhase, double[]> sums = new EnumMap<>(RatePhase.class);
        RatePhase[] phaseOf = new RatePhase[children.size()];
        double[] factor = new double[children.size()];
        for (Child c : children) {
            RatePhase p = schools.get(home[c.id]).phase().ratePhase(c.year);
            phaseOf[c.id] = p;
            factor[c.id] = factor(c);
            double[] s = sums.computeIfAbsent(p, x -> new double[2]);
            s[0] += factor[c.id];
            s[1]++;
        }
        Map<RatePhase, double[]> shape = new EnumMap<>(RatePhase.class);
        for (RatePhase p : sums.keySet()) {
            PhaseTargets.Rates t = targets.of(p);
            double w = t.sa() / 100;
            double c = t.dayAbsence() / 100 * MEAN_LIFT;
            double mean = Math.max(0.005, (c - w * SEVERE_MEAN) / (1 - w));
            double extras = (t.absence() - t.dayAbsence()) / 100;
            double threshold = Math.max(0.02, 0.10 - extras * 0.6);
            double latentPa = Math.max(0.01, (t.pa() / 100 * PA_NOISE - w) / (1 - w));
            shape.put(p, new double[] {w, mean, sigmaFor(mean, threshold, latentPa)});
        }
        for (Child c : children) {
            RatePhase p = phaseOf[c.id];
            double[] s = sums.get(p);
            double rel = factor[c.id] / (s[0] / s[1]);
            double[] sh = shape.get(p);
            double z = r.nextGaussian();
            double u = r.nextDouble();
            if (r.nextDouble() < Math.min(0.9, sh[0] * rel)) {
                c.propensity = 0.5 + 0.45 * Math.pow(u, 0.7);
            } else {
                double sigma = sh[2];
                c.propensity = Math.min(0.42, sh[1] * rel * Math.exp(sigma * z - sigma * sigma / 2));
            }
            PhaseTargets.Rates t = targets.of(p);
            c.lateness = Math.min(0.5, 2 * t.late() / 100 * r.nextExponential() * Math.sqrt(rel));
            c.lateAfterClose = Math.min(0.25, 2 * t.unauthLate() / 100 * r.nextExponential() * Math.sqrt(rel));
        }
        for (RatePhase p : sums.keySet()) {
            double target = Math.min(0.9, targets.of(p).unauthorisedShareOfDays());
            double lo = 0;
            double hi = 50;
            for (int i = 0; i < 40; i++) {
                double k = (lo + hi) / 2;
                if (share(children, phaseOf, p, k) < target) {
                    lo = k;
                } else {
                    hi = k;
                }
            }
            double k = (lo + hi) / 2;
            for (Child c : children) {
                if (phaseOf[c.id] == p) {
                    c.unauthorisedShare = unauthorised(k, c.propensity);
                }
            }
        }
    }

    /** Disengaged pupils' absences are mostly unauthorised; occasional absences mostly illness. */
    private static double unauthorised(double k, double propensity) {
        return Math.min(0.92, k * (0.03 + propensity) * (0.03 + propensity));
    }

    private static double share(List<Child> children, RatePhase[] phaseOf, RatePhase p, double k) {
        double num = 0;
        double den = 0;
        for (Child c : children) {
            if (phaseOf[c.id] == p) {
                num += c.propensity * unauthorised(k, c.propensity);
                den += c.propensity;
            }
        }
        return den == 0 ? 0 : num / den;
    }

    private static double factor(Child c) {
        double f = 1;
        if (c.freeMeals()) {
            f *= 1.45;
        }
        if (c.sen == SenProvision.K) {
            f *= 1.3;
        } else if (c.sen == SenProvision.E) {
            f *= 1.35;
        }
        f *= switch (c.family.socialCare) {
            case CHILD_IN_NEED -> 1.7;
            case CHILD_PROTECTION -> 1.6;
            case LOOKED_AFTER -> 0.9;
            case NONE -> 1.0;
        };
        if (c.family.origin == Origin.ROMA || c.family.origin == Origin.IRISH_TRAVELLER) {
            f *= 1.8;
        }
        return f;
    }

    /**
     * The log-normal spread for which the share of pupils above {@code threshold} is {@code share}, given the mean:
     * P(X >= t) = 1 - Phi((ln(t/m) + s^2/2) / s); the smallest such spread.
     */
    static double sigmaFor(double mean, double threshold, double share) {
        double best = 0.3;
        double bestGap = Double.MAX_VALUE;
        for (double s = 0.05; s < 3.0; s += 0.005) {
            double tail = 1 - phi((Math.log(threshold / mean) + s * s / 2) / s);
            double gap = Math.abs(tail - share);
            if (gap < bestGap) {
                bestGap = gap;
                best = s;
            }
            if (tail >= share) {
                return s;
            }
        }
        return best;
    }

    /** Standard normal cumulative distribution (Abramowitz and Stegun 26.2.17). */
    static double phi(double x) {
        double t = 1 / (1 + 0.2316419 * Math.abs(x));
        double d = 0.3989422804014327 * Math.exp(-x * x / 2);
        double p = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return x >= 0 ? 1 - p : p;
    }
}
