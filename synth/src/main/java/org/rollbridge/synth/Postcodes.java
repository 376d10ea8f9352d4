package org.rollbridge.synth;

import java.util.random.RandomGenerator;

/** Valid-format postcodes inside a postcode district: the district's outward code and a random inward code. */
final class Postcodes {

    /** Letters an inward code may use (no C, I, K, M, O, V). */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private Postcodes() {
    }

    /** A postcode in the locality; drawing from a limited set of units so some households share one. */
    static String inward(Locality loc, RandomGenerator r) {
        return loc.outward() + " " + (1 + r.nextInt(9)) + INWARD_LETTERS.charAt(r.nextInt(8) * 2 % 20)
                + INWARD_LETTERS.charAt(r.nextInt(INWARD_LETTERS.length()));
    }
}
