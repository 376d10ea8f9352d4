package org.rollbridge.synth;

import java.util.List;
import java.util.random.RandomGenerator;

/** Draws from the small distributions the generator needs. */
final class Draw {

    private Draw() {
    }

    static boolean chance(RandomGenerator r, double p) {
        return r.nextDouble() < p;
    }

    static <T> T one(RandomGenerator r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static <T> T one(RandomGenerator r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    /** Index drawn with probability proportional to {@code weights[i]}. */
    static int weighted(RandomGenerator r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Uniform whole number in [lo, hi]. */
    static int between(RandomGenerator r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }
}
