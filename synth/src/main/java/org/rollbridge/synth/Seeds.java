package org.rollbridge.synth;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One independent random stream per concern (schools, families, a school's attendance, ...), each derived from the
 * run's seed and the concern's name and index. A concern's output therefore never depends on how much randomness
 * another concern used, nor on the order in which schools are processed.
 */
final class Seeds {

    private final long seed;

    Seeds(long seed) {
        this.seed = seed;
    }

    RandomGenerator random(String concern) {
        return random(concern, 0);
    }

    RandomGenerator random(String concern, long index) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        for (int i = 0; i < concern.length(); i++) {
            h = mix(h ^ concern.charAt(i));
        }
        return new SplittableRandom(mix(h ^ mix(index + 0x632BE59BD9B4E019L)));
    }

    /** SplitMix64's finaliser: a good 64-bit mixing function. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
