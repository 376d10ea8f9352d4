package org.rollbridge.core.matching;

import java.util.List;


/**
 * How two people agree, field by field: one agreement level per {@link MatchField} (indexes into its levels),
 * and the exactly agreeing surname, forename and date of birth ({@code yyyymmdd}), whose frequency adjusts the
 * weight of agreement. For a name that agrees nearly (a variant, a part, one slip), {@code alikeSurnames} and
 * {@code alikeForenames} hold the two values that came closest: how common they are adjusts that weight too.
 */
public record PairComparison(byte[] levels, String agreedSurname, String agreedForename, String agreedDob,
                             String[] alikeSurnames, String[] alikeForenames) {

    static final int UPN_AGREE = 0, UPN_CLOSE = 1, UPN_UNCHECKED_DIFFERENT = 2, UPN_DIFFERENT = 3;
    static final int NAME_EXACT = 0, NAME_EQUIVALENT_OR_PART = 1, NAME_CLOSE = 2, NAME_NEAR = 3, NAME_PHONETIC = 4,
            NAME_SIMILAR = 5;
    /** Forenames only: the first letter agrees and nothing else does. */
    static final int FORENAME_INITIAL = 6;
    static final int FORENAME_DIFFERENT = 7, SURNAME_DIFFERENT = 6;
    /** What {@link #similarity} gives for names alike in no band. */
    private static final int NOT_SIMILAR = SURNAME_DIFFERENT;
    static final int DOB_EXACT = 0, DOB_SWAPPED = 1, DOB_YEAR_OFF_BY_ONE = 2, DOB_ONE_DIGIT = 3,
            DOB_MONTH_AND_YEAR = 4, DOB_DIFFERENT = 5;

    static final double CLOSE_JARO_WINKLER = 0.94;
    static final double NEAR_JARO_WINKLER = 0.88;
    static final double SIMILAR_JARO_WINKLER = 0.80;

    public int level(MatchField field) {
        return levels[field.ordinal()];
    }

    /** The forename agrees as written or as a known variant, or with one slip: not just a resemblance. */
    public boolean forenameAgrees() {
        return level(MatchField.FORENAME) <= NAME_CLOSE;
    }

    /** The forenames are known on both sides and only resemble each other, or differ. */
    public boolean forenameDiffers() {
        int f = level(MatchField.FORENAME);
        return f >= NAME_SIMILAR && f != MatchField.FORENAME.missing();
    }

    public static PairComparison of(PersonKeys a, PersonKeys b, NameEquivalents equivalents) {
        byte[] levels = new byte[MatchField.values().length];
        levels[MatchField.UPN.ordinal()] = (byte) upn(a, b);
        levels[MatchField.ULN.ordinal()] = (byte) (a.uln().isEmpty() || b.uln().isEmpty() ? MatchField.ULN.missing()
                : a.uln().equals(b.uln()) ? 0 : 1);
        String[] agreed = new String[1];
        String[] alikeForenames = new String[2];
        levels[MatchField.FORENAME.ordinal()] = (byte) forename(a, b, equivalents, agreed, alikeForenames);
        String agreedForename = agreed[0];
        agreed[0] = null;
        String[] alikeSurnames = new String[2];
        levels[MatchField.SURNAME.ordinal()] = (byte) surname(a, b, agreed, alikeSurnames);
        levels[MatchField.DOB.ordinal()] = (byte) dob(a.dobDigits(), b.dobDigits());
        levels[MatchField.SEX.ordinal()] = (byte) (a.sex() == ' ' || b.sex() == ' ' ? MatchField.SEX.missing()
                : a.sex() == b.sex() ? 0 : 1);
        levels[MatchField.POSTCODE.ordinal()] = (byte) postcode(a.postcode(), b.postcode());
        return new PairComparison(levels, agreed[0], agreedForename,
                levels[MatchField.DOB.ordinal()] == DOB_EXACT ? a.dobDigits() : null,
                alike(levels[MatchField.SURNAME.ordinal()], alikeSurnames),
                alike(levels[MatchField.FORENAME.ordinal()], alikeForenames));
    }

    /** The two names behind a near agreement (variant or part, close, near); null for any other level. */
    private static String[] alike(int level, String[] names) {
        return level >= NAME_EQUIVALENT_OR_PART && level <= NAME_NEAR && names[0] != null ? names : null;
    }

    static int upn(PersonKeys a, PersonKeys b) {
        int level = upn(a.upns(), b.upns());
        // Two valid permanent numbers that differ are two children's; a slip rarely keeps the check letter right.
        return level == UPN_UNCHECKED_DIFFERENT && a.upnsChecked() && b.upnsChecked() ? UPN_DIFFERENT : level;
    }

    static int upn(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return MatchField.UPN.missing();
        }
        int best = UPN_UNCHECKED_DIFFERENT;
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

    static int forename(PersonKeys a, PersonKeys b, NameEquivalents equivalents, String[] agreed, String[] alike) {
        if (a.forenames().isEmpty() || b.forenames().isEmpty()) {
            return MatchField.FORENAME.missing();
        }
        int best = FORENAME_DIFFERENT;
        for (String x : a.forenames()) {
            for (String y : b.forenames()) {
                if (x.equals(y)) {
                    agreed[0] = x;
                    return NAME_EXACT;
                }
                int level = equivalents.equivalent(x, y) ? NAME_EQUIVALENT_OR_PART : similarity(x, y);
                if (level == NOT_SIMILAR) {
                    level = x.charAt(0) == y.charAt(0) ? FORENAME_INITIAL : FORENAME_DIFFERENT;
                }
                if (level < best) {
                    best = level;
                    alike[0] = x;
                    alike[1] = y;
                }
            }
        }
        return best > NAME_PHONETIC && shareSound(a.forenameSounds(), b.forenameSounds()) ? NAME_PHONETIC : best;
    }

    private static int surname(PersonKeys a, PersonKeys b, String[] agreed, String[] alike) {
        if (a.surnames().isEmpty() || b.surnames().isEmpty()) {
            return MatchField.SURNAME.missing();
        }
        int best = SURNAME_DIFFERENT;
        for (String x : a.surnames()) {
            for (String y : b.surnames()) {
                if (x.equals(y)) {
                    agreed[0] = x;
                    return NAME_EXACT;
                }
                int level = similarity(x, y);
                if (level < best) {
                    best = level;
                    alike[0] = x;
                    alike[1] = y;
                }
            }
        }
        String part = best > NAME_EQUIVALENT_OR_PART ? sharedPart(a.surnameParts(), b.surnameParts()) : null;
        if (part != null) {
            alike[0] = part;
            alike[1] = part;
            return NAME_EQUIVALENT_OR_PART; // Smith-Jones and Smith: a double-barrelled or changed surname
        }
        return best > NAME_PHONETIC && shareSound(a.surnameSounds(), b.surnameSounds()) ? NAME_PHONETIC : best;
    }

    private static boolean shareSound(List<String> a, List<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /** The part of a double or hyphenated surname that the other surname shares, or null. */
    private static String sharedPart(List<String> a, List<String> b) {
        if (a.size() < 2 && b.size() < 2) {
            return null;
        }
        for (String x : a) {
            if (x.length() >= 2 && b.contains(x)) {
                return x;
            }
        }
        return null;
    }

    /** The Jaro-Winkler band of two different names (one edit in a name of three letters or more counts as close). */
    static int similarity(String x, String y) {
        if (Math.min(x.length(), y.length()) >= 3 && NameSimilarity.oneEdit(x, y)) {
            return NAME_CLOSE;
        }
        double jw = NameSimilarity.jaroWinkler(x, y);
        return jw >= CLOSE_JARO_WINKLER ? NAME_CLOSE : jw >= NEAR_JARO_WINKLER ? NAME_NEAR
                : jw >= SIMILAR_JARO_WINKLER ? NAME_SIMILAR : NOT_SIMILAR;
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
        if (a.regionMatches(4, b, 4, 4)
                && Math.abs(Integer.parseInt(a.substring(0, 4)) - Integer.parseInt(b.substring(0, 4))) == 1) {
            return DOB_YEAR_OFF_BY_ONE;
        }
        int differing = 0;
        for (int i = 0; i < 8; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differing++;
            }
        }
        if (differing == 1) {
            return DOB_ONE_DIGIT;
        }
        return a.regionMatches(0, b, 0, 6) ? DOB_MONTH_AND_YEAR : DOB_DIFFERENT;
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
