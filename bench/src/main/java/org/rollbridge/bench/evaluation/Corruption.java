package org.rollbridge.bench.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The corruption models of the record-linkage literature (FEBRL's generator, Christen 2005; GeCo, Tran, Vatsalan
 * and Christen 2013), written afresh for person records: character edits (keyboard-neighbour substitution,
 * insertion, deletion, transposition) placed away from the first letter as typists err, phonetic respellings and
 * OCR confusions applied by rule, and the date errors of hand-keyed forms. Deliberately shares nothing with the
 * synthetic LA's error injector, so that matching tuned on one is tested on the other.
 */
final class Corruption {

    /** How one name error is made, with its share of name errors (GeCo's default mix, rounded). */
    enum NameError { KEYBOARD, PHONETIC, OCR, INSERTION, DELETION, TRANSPOSITION }

    private static final NameError[] NAME_ERRORS = NameError.values();
    private static final double[] NAME_ERROR_SHARES = {0.24, 0.20, 0.10, 0.16, 0.16, 0.14};

    /** How a date of birth is mis-keyed. */
    enum DateError { DAY_MONTH_SWAPPED, YEAR_OFF_BY_ONE, ONE_DIGIT, MONTH_AND_YEAR_ONLY }

    private static final String[] KEYBOARD_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    /** Respellings that sound alike (GeCo's phonetic rules, a subset for English and common transliterations). */
    private static final List<String[]> PHONETIC = List.of(
            new String[] {"ph", "f"}, new String[] {"f", "ph"}, new String[] {"ck", "k"}, new String[] {"k", "ck"},
            new String[] {"c", "k"}, new String[] {"ie", "y"}, new String[] {"y", "ie"}, new String[] {"ey", "y"},
            new String[] {"ee", "ea"}, new String[] {"ea", "ee"}, new String[] {"ou", "ow"}, new String[] {"z", "s"},
            new String[] {"s", "z"}, new String[] {"th", "t"}, new String[] {"x", "ks"}, new String[] {"wh", "w"},
            new String[] {"ai", "ay"}, new String[] {"ay", "ai"}, new String[] {"ei", "ie"}, new String[] {"son", "sen"},
            new String[] {"er", "a"}, new String[] {"i", "y"}, new String[] {"oo", "u"}, new String[] {"u", "oo"},
            new String[] {"v", "w"}, new String[] {"sh", "ch"}, new String[] {"ll", "l"}, new String[] {"tt", "t"},
            new String[] {"aa", "a"}, new String[] {"gh", "g"}, new String[] {"q", "k"}, new String[] {"j", "dj"});

    /** Characters a scanner or a hurried reader confuses. */
    private static final List<String[]> OCR = List.of(
            new String[] {"m", "rn"}, new String[] {"rn", "m"}, new String[] {"cl", "d"}, new String[] {"d", "cl"},
            new String[] {"u", "v"}, new String[] {"v", "u"}, new String[] {"n", "h"}, new String[] {"h", "n"},
            new String[] {"e", "c"}, new String[] {"c", "e"}, new String[] {"a", "o"}, new String[] {"o", "a"},
            new String[] {"i", "l"}, new String[] {"l", "i"}, new String[] {"w", "vv"}, new String[] {"b", "h"},
            new String[] {"g", "q"}, new String[] {"li", "h"});

    private static final Map<Character, String> NEIGHBOURS = neighbours();

    private final Random random;

    Corruption(Random random) {
        this.random = random;
    }

    /** One error of a kind drawn from the usual mix; the name comes back changed (tries other kinds if one cannot apply). */
    String name(String name) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String changed = name(name, NAME_ERRORS[pick(NAME_ERROR_SHARES)]);
            if (!changed.equalsIgnoreCase(name)) {
                return changed;
            }
        }
        return name + "e";
    }

    String name(String name, NameError error) {
        if (name.length() < 2) {
            return name;
        }
        return switch (error) {
            case KEYBOARD -> {
                int at = position(name);
                char c = Character.toLowerCase(name.charAt(at));
                String near = NEIGHBOURS.get(c);
                yield near == null ? name : replaceAt(name, at, near.charAt(random.nextInt(near.length())));
            }
            case PHONETIC -> byRule(name, PHONETIC);
            case OCR -> byRule(name, OCR);
            case INSERTION -> {
                int at = 1 + random.nextInt(name.length() - 1);
                char c = random.nextBoolean() ? Character.toLowerCase(name.charAt(at - 1))
                        : (char) ('a' + random.nextInt(26));
                yield name.substring(0, at) + c + name.substring(at);
            }
            case DELETION -> {
                int at = position(name);
                yield name.substring(0, at) + name.substring(at + 1);
            }
            case TRANSPOSITION -> {
                int at = Math.min(name.length() - 2, position(name));
                yield name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
            }
        };
    }

    /** Typists rarely get the first letter wrong: positions 1.. are drawn, the first only one time in ten. */
    private int position(String name) {
        return random.nextDouble() < 0.1 ? 0 : 1 + random.nextInt(name.length() - 1);
    }

    private String byRule(String name, List<String[]> rules) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        int start = random.nextInt(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            String[] rule = rules.get((start + i) % rules.size());
            int at = lower.indexOf(rule[0], 1);
            if (at > 0) {
                String replaced = lower.substring(0, at) + rule[1] + lower.substring(at + rule[0].length());
                return Character.toUpperCase(replaced.charAt(0)) + replaced.substring(1);
            }
        }
        return name;
    }

    private static String replaceAt(String s, int at, char c) {
        char put = Character.isUpperCase(s.charAt(at)) ? Character.toUpperCase(c) : c;
        return s.substring(0, at) + put + s.substring(at + 1);
    }

    LocalDate date(LocalDate dob, DateError error) {
        return switch (error) {
            case DAY_MONTH_SWAPPED -> dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue()
                    ? LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue()) : dob.plusDays(1);
            case YEAR_OFF_BY_ONE -> dob.plusYears(random.nextBoolean() ? 1 : -1);
            case ONE_DIGIT -> oneDigit(dob);
            case MONTH_AND_YEAR_ONLY -> dob.withDayOfMonth(dob.getDayOfMonth() == 1 ? 15 : 1);
        };
    }

    /** Any date error, in the shares seen on keyed forms (swaps and single digits the most common). */
    LocalDate date(LocalDate dob) {
        DateError[] errors = DateError.values();
        return date(dob, errors[pick(new double[] {0.3, 0.2, 0.35, 0.15})]);
    }

    /** One digit of dd/mm/yyyy keyed wrong, giving a real date different from the first. */
    private LocalDate oneDigit(LocalDate dob) {
        String digits = String.format("%04d%02d%02d", dob.getYear(), dob.getMonthValue(), dob.getDayOfMonth());
        for (int attempt = 0; attempt < 50; attempt++) {
            int at = 2 + random.nextInt(6); // centuries are not mistyped
            char d = (char) ('0' + random.nextInt(10));
            if (d == digits.charAt(at)) {
                continue;
            }
            String changed = digits.substring(0, at) + d + digits.substring(at + 1);
            try {
                return LocalDate.of(Integer.parseInt(changed.substring(0, 4)), Integer.parseInt(changed.substring(4, 6)),
                        Integer.parseInt(changed.substring(6, 8)));
            } catch (java.time.DateTimeException notADate) {
                // try another digit
            }
        }
        return dob.plusDays(1);
    }

    /** A UPN with one keying error: a digit replaced by its keypad neighbour or two digits swapped. */
    String upnTypo(String upn) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int at = 5 + random.nextInt(7);
            String changed;
            if (random.nextBoolean()) {
                char d = upn.charAt(at);
                char n = (char) ('0' + Math.floorMod(d - '0' + (random.nextBoolean() ? 1 : -1), 10));
                changed = upn.substring(0, at) + n + upn.substring(at + 1);
            } else {
                changed = upn.substring(0, at) + upn.charAt(at + 1) + upn.charAt(at) + upn.substring(at + 2);
            }
            if (!changed.equals(upn)) {
                return changed;
            }
        }
        return upn;
    }

    int pick(double[] shares) {
        double x = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (x < sum) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static Map<Character, String> neighbours() {
        Map<Character, String> near = new java.util.HashMap<>();
        for (int row = 0; row < KEYBOARD_ROWS.length; row++) {
            String keys = KEYBOARD_ROWS[row];
            for (int i = 0; i < keys.length(); i++) {
                StringBuilder n = new StringBuilder();
                if (i > 0) {
                    n.append(keys.charAt(i - 1));
                }
                if (i + 1 < keys.length()) {
                    n.append(keys.charAt(i + 1));
                }
                for (int other : new int[] {row - 1, row + 1}) {
                    if (other >= 0 && other < KEYBOARD_ROWS.length) {
                        String o = KEYBOARD_ROWS[other];
                        for (int j = Math.max(0, i - 1); j <= Math.min(o.length() - 1, i); j++) {
                            n.append(o.charAt(j));
                        }
                    }
                }
                near.put(keys.charAt(i), n.toString());
            }
        }
        return Map.copyOf(near);
    }
}
