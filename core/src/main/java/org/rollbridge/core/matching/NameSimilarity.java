package org.rollbridge.core.matching;

/**
 * The two string measures name comparison needs, written for short upper-case names so that matching does not
 * allocate per comparison (the library versions wrap every string; matching compares hundreds of thousands of
 * pairs a batch): one edit or one swap of neighbours, and Jaro-Winkler similarity (prefix scale 0.1, up to four
 * letters, only above 0.7), as in Winkler (1990) and commons-text.
 */
final class NameSimilarity {

    private NameSimilarity() {
    }

    /** One letter inserted, deleted or replaced, or two neighbours swapped (Damerau distance 1). */
    static boolean oneEdit(String x, String y) {
        int lx = x.length();
        int ly = y.length();
        if (Math.abs(lx - ly) > 1 || x.equals(y)) {
            return false;
        }
        int i = 0;
        while (i < Math.min(lx, ly) && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        if (lx == ly) {
            if (x.regionMatches(i + 1, y, i + 1, lx - i - 1)) {
                return true; // one replaced
            }
            return i + 1 < lx && x.charAt(i) == y.charAt(i + 1) && x.charAt(i + 1) == y.charAt(i)
                    && x.regionMatches(i + 2, y, i + 2, lx - i - 2);
        }
        return lx > ly ? x.regionMatches(i + 1, y, i, ly - i) : y.regionMatches(i + 1, x, i, lx - i);
    }

    static double jaroWinkler(String x, String y) {
        if (x.equals(y)) {
            return 1;
        }
        int lx = x.length();
        int ly = y.length();
        if (lx == 0 || ly == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(lx, ly) / 2 - 1);
        long usedX = 0;
        long usedY = 0;
        int matches = 0;
        for (int i = 0; i < Math.min(lx, 64); i++) {
            char c = x.charAt(i);
            for (int j = Math.max(0, i - window); j < Math.min(Math.min(ly, 64), i + window + 1); j++) {
                if ((usedY & (1L << j)) == 0 && y.charAt(j) == c) {
                    usedX |= 1L << i;
                    usedY |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < Math.min(lx, 64); i++) {
            if ((usedX & (1L << i)) != 0) {
                while ((usedY & (1L << j)) == 0) {
                    j++;
                }
                if (x.charAt(i) != y.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / lx + m / ly + (m - transpositions / 2.0) / m) / 3;
        if (jaro < 0.7) {
            return jaro; // Winkler's boost only for strings already alike
        }
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(lx, ly)) && x.charAt(prefix) == y.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
