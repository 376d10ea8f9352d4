package org.rollbridge.hub.web;

import java.math.BigDecimal;

/**
 * Suppression of what the DfE's national view shares (docs/access.md): a cell made up of fewer than
 * {@link #MINIMUM_SCHOOLS} schools is withheld whole ("c"), since it would be a school's own figures; a count of
 * 1 to {@link #MINIMUM_COUNT} - 1 pupils is shown as "low", as is a rate over so few pupils, so that no pupil can
 * be picked out.
 */
final class SmallCells {

    static final int MINIMUM_SCHOOLS = 3;
    static final int MINIMUM_COUNT = 10;
    static final String WITHHELD = "c";
    static final String LOW = "low";

    private SmallCells() {
    }

    static boolean shareable(int schools) {
        return schools >= MINIMUM_SCHOOLS;
    }

    static String count(long n) {
        return n > 0 && n < MINIMUM_COUNT ? LOW : String.valueOf(n);
    }

    /** A rate, unless the pupils it is over are a small count. */
    static String rate(BigDecimal rate, long pupils) {
        if (rate == null) {
            return "x";
        }
        return pupils > 0 && pupils < MINIMUM_COUNT ? LOW : rate.toString();
    }
}
