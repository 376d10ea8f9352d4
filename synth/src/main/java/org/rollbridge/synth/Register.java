package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The LA's existing person register as its case system sees it: mostly right, but with stale addresses and
 * surnames, some children not yet known (new arrivals, some new starters), and duplicate records of some people
 * made with a field-level mistake (typos, transpositions, nicknames, changed surnames, day and month swapped).
 */
final class Register {

    /** One register row; {@code error} is set on duplicate records. */
    record Row(Child child, String upn, String formerUpns, String uln, String forename, String surname,
               String preferredForename, String dob, String sex, String postcode, ErrorKind error) {
    }

    private Register() {
    }

    static List<Row> build(Population population, double duplicateRate, RandomGenerator r) {
        List<Row> rows = new ArrayList<>();
        for (Child c : population.children()) {
            boolean newStarter = c.year.ageAtStartOfYear() <= 4 && r.nextDouble() < 0.05;
            if (!c.knownToLa || newStarter) {
                continue;
            }
            rows.add(new Row(c, r.nextDouble() < 0.04 ? null : c.upn, c.formerUpn, r.nextDouble() < 0.5 ? c.uln : null,
                    c.forename, c.formerSurname != null ? c.formerSurname : c.surname, c.preferredForename,
                    c.dob.toString(), c.sex.code(),
                    c.family.previousPostcode != null ? c.family.previousPostcode : c.family.postcode, null));
        }
        int duplicates = (int) Math.round(rows.size() * duplicateRate);
        int known = rows.size();
        for (int k = 0; k < duplicates; k++) {
            rows.add(variant(rows.get(r.nextInt(known)), r));
        }
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            rows.set(i, rows.set(j, rows.get(i)));
        }
        return rows;
    }

    private static Row variant(Row o, RandomGenerator r) {
        ErrorKind kind = Draw.one(r, new ErrorKind[] {ErrorKind.DUPLICATE_TYPO, ErrorKind.DUPLICATE_TRANSPOSITION,
                ErrorKind.DUPLICATE_NICKNAME, ErrorKind.DUPLICATE_SURNAME_CHANGE, ErrorKind.DUPLICATE_DAY_MONTH_SWAP,
                ErrorKind.DUPLICATE_NO_UPN});
        String forename = o.forename();
        String surname = o.surname();
        String dob = o.dob();
        LocalDate d = LocalDate.parse(o.dob());
        List<String> nick = NameBook.get().nicknames(forename);
        if (kind == ErrorKind.DUPLICATE_NICKNAME && nick.isEmpty()) {
            kind = ErrorKind.DUPLICATE_TYPO;
        }
        if (kind == ErrorKind.DUPLICATE_DAY_MONTH_SWAP && (d.getDayOfMonth() > 12 || d.getDayOfMonth() == d.getMonthValue())) {
            kind = ErrorKind.DUPLICATE_TYPO;
        }
        if (kind == ErrorKind.DUPLICATE_TRANSPOSITION && transpose(forename, r).equals(forename)) {
            kind = ErrorKind.DUPLICATE_TYPO;
        }
        switch (kind) {
            case DUPLICATE_TYPO -> surname = typo(surname, r);
            case DUPLICATE_TRANSPOSITION -> forename = transpose(forename, r);
            case DUPLICATE_NICKNAME -> forename = Draw.one(r, nick);
            case DUPLICATE_SURNAME_CHANGE -> surname = o.child().family.motherSurname.equals(surname)
                    ? surname + "-" + Draw.one(r, NameBook.get().surnames(o.child().family.origin))
                    : o.child().family.motherSurname;
            case DUPLICATE_DAY_MONTH_SWAP -> dob = LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toString();
            default -> {
            }
        }
        // A record made by hand rarely has the UPN.
        String upn = kind == ErrorKind.DUPLICATE_NO_UPN || r.nextDouble() < 0.7 ? null : o.upn();
        return new Row(o.child(), upn, null, null, forename, surname, null, dob, o.sex(),
                r.nextDouble() < 0.8 ? o.postcode() : null, kind);
    }

    static String typo(String s, RandomGenerator r) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int attempt = 0; ; attempt++) {
            int i = 1 + r.nextInt(Math.max(1, s.length() - 1));
            char c = letters.charAt(r.nextInt(26));
            String t = switch (r.nextInt(3)) {
                case 0 -> s.substring(0, i) + c + s.substring(i);
                case 1 -> s.length() > 3 ? s.substring(0, i - 1) + s.substring(i) : s + c;
                default -> s.substring(0, i) + c + s.substring(Math.min(s.length(), i + 1));
            };
            if (!t.equals(s)) {
                return t;
            }
        }
    }

    static String transpose(String s, RandomGenerator r) {
        for (int attempt = 0; attempt < 10 && s.length() > 2; attempt++) {
            int i = 1 + r.nextInt(s.length() - 2);
            if (s.charAt(i) != s.charAt(i + 1)) {
                return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
            }
        }
        return s;
    }
}
