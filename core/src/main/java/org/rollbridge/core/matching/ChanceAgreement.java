package org.rollbridge.core.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * u, the chance that two different people agree at each level, from incoming records and register people paired
 * at random (almost all such pairs are different people). Dates of birth are counted exactly from the register's
 * dates, since agreement on them is too rare for a sample to measure; the other fields from a seeded sample of
 * pairs, a level never seen in it taken as half a pair.
 */
final class ChanceAgreement {

    private static final MatchField[] FIELDS = MatchField.values();
    static final int SAMPLE = 40_000;

    private ChanceAgreement() {
    }

    static double[][] estimate(PersonRegister register, List<PersonKeys> incoming, NameEquivalents equivalents) {
        double[][] counts = new double[FIELDS.length][];
        for (MatchField f : FIELDS) {
            counts[f.ordinal()] = new double[f.levelCount()];
        }
        Random random = new Random(20_261_207L);
        for (int i = 0; i < SAMPLE; i++) {
            PersonKeys a = incoming.get(random.nextInt(incoming.size()));
            PersonKeys b = register.person(random.nextInt(register.size()));
            PairComparison c = PairComparison.of(a, b, equivalents);
            for (MatchField f : FIELDS) {
                counts[f.ordinal()][c.level(f)]++;
            }
        }
        counts[MatchField.DOB.ordinal()] = birthDates(register, incoming);
        double[][] u = new double[FIELDS.length][];
        for (MatchField f : FIELDS) {
            double[] c = counts[f.ordinal()];
            double seen = 0;
            for (int l = 0; l < f.missing(); l++) {
                seen += c[l];
            }
            double[] shares = new double[f.levelCount()];
            double sum = 0;
            for (int l = 0; l < f.missing(); l++) {
                shares[l] = seen == 0 ? 1.0 / f.missing() : Math.max(c[l], 0.5) / seen;
                sum += shares[l];
            }
            for (int l = 0; l < f.missing(); l++) {
                shares[l] /= sum;
            }
            shares[f.missing()] = 1;
            u[f.ordinal()] = shares;
        }
        return u;
    }

    /**
     * Pairs at each date-of-birth level over all incoming x register pairs, by looking each incoming date's
     * swapped, year-shifted and one-digit-different forms up among the register's dates.
     */
    private static double[] birthDates(PersonRegister register, List<PersonKeys> incoming) {
        Map<String, Integer> byDate = new HashMap<>();
        Map<String, Integer> byMonth = new HashMap<>();
        int dated = 0;
        for (int i = 0; i < register.size(); i++) {
            String d = register.person(i).dobDigits();
            if (!d.isEmpty()) {
                byDate.merge(d, 1, Integer::sum);
                byMonth.merge(d.substring(0, 6), 1, Integer::sum);
                dated++;
            }
        }
        Map<String, Integer> incomingDates = new HashMap<>();
        incoming.forEach(k -> {
            if (!k.dobDigits().isEmpty()) {
                incomingDates.merge(k.dobDigits(), 1, Integer::sum);
            }
        });
        double[] pairs = new double[MatchField.DOB.levelCount()];
        for (Map.Entry<String, Integer> e : incomingDates.entrySet()) {
            String d = e.getKey();
            int times = e.getValue();
            int exact = byDate.getOrDefault(d, 0);
            String swapped = d.substring(0, 4) + d.substring(6, 8) + d.substring(4, 6);
            int swap = swapped.equals(d) ? 0 : byDate.getOrDefault(swapped, 0);
            int year = Integer.parseInt(d.substring(0, 4));
            int yearOff = byDate.getOrDefault((year - 1) + d.substring(4), 0)
                    + byDate.getOrDefault((year + 1) + d.substring(4), 0);
            int oneDigit = 0;
            int oneDigitSameMonth = 0;
            char[] digits = d.toCharArray();
            for (int at = 0; at < 8; at++) {
                char was = digits[at];
                for (char x = '0'; x <= '9'; x++) {
                    if (x != was) {
                        digits[at] = x;
                        String other = new String(digits);
                        // A one-digit change that is also a swap or a year shift was counted there.
                        if (!other.equals(swapped) && !(at < 4 && other.regionMatches(4, d, 4, 4)
                                && Math.abs(Integer.parseInt(other.substring(0, 4)) - year) == 1)) {
                            int n = byDate.getOrDefault(other, 0);
                            oneDigit += n;
                            if (at >= 6) {
                                oneDigitSameMonth += n;
                            }
                        }
                    }
                }
                digits[at] = was;
            }
            int sameMonth = byMonth.getOrDefault(d.substring(0, 6), 0) - exact - oneDigitSameMonth
                    - (swapped.regionMatches(0, d, 0, 6) ? swap : 0);
            int different = dated - exact - swap - yearOff - oneDigit - Math.max(0, sameMonth);
            pairs[PairComparison.DOB_EXACT] += (double) times * exact;
            pairs[PairComparison.DOB_SWAPPED] += (double) times * swap;
            pairs[PairComparison.DOB_YEAR_OFF_BY_ONE] += (double) times * yearOff;
            pairs[PairComparison.DOB_ONE_DIGIT] += (double) times * oneDigit;
            pairs[PairComparison.DOB_MONTH_AND_YEAR] += (double) times * Math.max(0, sameMonth);
            pairs[PairComparison.DOB_DIFFERENT] += (double) times * Math.max(0, different);
        }
        return pairs;
    }
}
