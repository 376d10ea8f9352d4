package org.rollbridge.core.matching;

import java.util.List;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How two people agree, field by field: one agreement level per {@link MatchField} (indexes into its levels),
 * and the exactly agreeing surname and forename, whose frequency adjusts the weight of agreement.
 */
public record PairComparison(byte[] levels, String agreedSurname, String agreedForename) {

    static final int UPN_AGREE = 0, UPN_CLOSE = 1, UPN_DIFFERENT = 2;
    static final int NAME_EXACT = 0, NAME_EQUIVALENT_OR_PART = 1, NAME_CLOSE = 2, NAME_SIMILAR = 3, NAME_DIFFERENT = 4;
    static final int DOB_EXACT = 0, DOB_SWAPPED = 1, DOB_ONE_DIGIT = 2, DOB_DIFFERENT = 3;

    private static final double CLOSE_JARO_WINKLER = 0.92;
    private static final double SIMILAR_JARO_WINKLER = 0.80;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    // Names are short; a bound keeps the distance cheap.
    private static final DamerauLevenshteinDistance DAMERAU = new DamerauLevenshteinDistance(2);

    public int level(MatchField field) {
        return levels[field.ordinal()];
    }

    public static PairComparison of(PersonKeys a, PersonKeys b, NameEquivalents equivalents) {
        byte[] levels = new byte[MatchField.values().length];
        levels[MatchField.UPN.ordinal()] = (byte) upn(a.upns(), b.upns());
        levels[MatchField.ULN.ordinal()] = (byte) (a.uln().isEmpty() || b.uln().isEmpty() ? MatchField.ULN.missing()
                : a.uln().equals(b.uln()) ? 0 : 1);
        String[] agreed = new String[1];
        levels[MatchField.FORENAME.ordinal()] = (byte) forename(a.forenames(), b.forenames(), equivalents, agreed);
        String agreedForename = agreed[0];
        agreed[0] = null;
        levels[MatchField.SURNAME.ordinal()] = (byte) surname(a, b, agreed);
        levels[MatchField.DOB.ordinal()] = (byte) dob(a.dobDigits(), b.dobDigits());
        levels[MatchField.SEX.ordinal()] = (byte) (a.sex() == ' ' || b.sex() == ' ' ? MatchField.SEX.missing()
                : a.sex() == b.sex() ? 0 : 1);
        levels[MatchField.POSTCODE.ordinal()] = (byte) postcode(a.postcode(), b.postcode());
        return new PairComparison(levels, agreed[0], agreedForename);
    }

    static int upn(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return MatchField.UPN.missing();
        }
        int best = UPN_DIFFERENT;
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    return UPN_AGREE;
                }
                if (oneKeyingError(x, y)) {
                    best = UPN_CLOSE;
                }
            }
        }
        return best;
    }

    /** One character wrong, or two neighbours swapped: the usual slip when a number is typed. */
    static boolean oneKeyingError(String x, String y) {
        if (x.length() != y.length()) {
            return false;
        }
        int first = -1;
        int differing = 0;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                if (++differing == 1) {
                    first = i;
                } else if (differing > 2) {
                    return false;
                }
            }
        }
        return differing == 1 || (differing == 2 && first + 1 < x.length() && x.charAt(first) == y.charAt(first + 1)
                && x.charAt(first + 1) == y.charAt(first));
    }

    static int forename(List<String> a, List<String> b, NameEquivalents equivalents, String[] agreed) {
        if (a.isEmpty() || b.isEmpty()) {
            return MatchField.FORENAME.missing();
        }
        int best = NAME_DIFFERENT;
        for (String x : a) {
            for (String y : b) {
                int level;
                if (x.equals(y)) {
                    agreed[0] = x;
                    return NAME_EXACT;
                } else if (equivalents.equivalent(x, y)) {
                    level = NAME_EQUIVALENT_OR_PART;
                } else {
                    level = similarity(x, y);
                }
                best = Math.min(best, level);
            }
        }
        return best;
    }

    private static int surname(PersonKeys a, PersonKeys b, String[] agreed) {
        if (a.surnames().isEmpty() || b.surnames().isEmpty()) {
            return MatchField.SURNAME.missing();
        }
        int best = NAME_DIFFERENT;
        for (String x : a.surnames()) {
            for (String y : b.surnames()) {
                if (x.equals(y)) {
                    agreed[0] = x;
                    return NAME_EXACT;
                }
                best = Math.min(best, similarity(x, y));
            }
        }
        if (best > NAME_EQUIVALENT_OR_PART && sharesPart(a.surnameParts(), b.surnameParts())) {
            return NAME_EQUIVALENT_OR_PART; // Smith-Jones and Smith: a double-barrelled or changed surname
        }
        return best;
    }

    private static boolean sharesPart(List<String> a, List<String> b) {
        if (a.size() < 2 && b.size() < 2) {
            return false;
        }
        for (String x : a) {
            if (x.length() >= 2 && b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static int similarity(String x, String y) {
        int distance = DAMERAU.apply(x, y);
        if (distance == 1 && Math.min(x.length(), y.length()) >= 3) {
            return NAME_CLOSE;
        }
        double jw = JARO_WINKLER.apply(x, y);
        if (jw >= CLOSE_JARO_WINKLER) {
            return NAME_CLOSE;
        }
        return jw >= SIMILAR_JARO_WINKLER ? NAME_SIMILAR : NAME_DIFFERENT;
    }

    static int dob(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return MatchField.DOB.missing();
        }
        if (a.equals(b)) {
            return DOB_EXACT;
        }
        // yyyymmdd: the same year with month and day exchanged, as happens between US and UK date order.
        if (a.regionMatches(0, b, 0, 4) && a.regionMatches(4, b, 6, 2) && a.regionMatches(6, b, 4, 2)) {
            return DOB_SWAPPED;
        }
        int differing = 0;
        for (int i = 0; i < 8; i++) {
            if (a.charAt(i) != b.charAt(i) && ++differing > 1) {
                return DOB_DIFFERENT;
            }
        }
        return DOB_ONE_DIGIT;
    }

    static int postcode(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return MatchField.POSTCODE.missing();
        }
        if (a.equals(b)) {
            return 0;
        }
        int space = a.indexOf(' ');
        if (space < 0 || space != b.indexOf(' ') || !a.regionMatches(0, b, 0, space)) {
            return 3;
        }
        return a.length() == b.length() && a.regionMatches(0, b, 0, space + 2) ? 1 : 2;
    }
}
