package org.rollbridge.core.matching;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.rollbridge.core.identity.Postcode;
import org.rollbridge.core.identity.Uln;
import org.rollbridge.core.identity.Upn;

/**
 * The normalised comparison keys of one {@link MatchPerson}, computed once so that rules and comparisons work
 * on plain strings. Empty strings and empty lists mean "not known".
 *
 * @param upns       current then former UPNs, upper case, only those shaped like a UPN
 * @param forenames  legal forename, then the preferred forename and the first part of a multi-part forename
 *                   when they differ
 * @param surnames   legal surname, then the preferred surname when it differs
 * @param surnameParts the parts of every surname ({@code Smith-Jones} gives SMITH and JONES)
 * @param dobDigits  the date of birth as eight digits {@code yyyymmdd}, or empty
 * @param upnsChecked true when every UPN is a permanent one with the right check letter
 * @param forenameSounds the Double Metaphone codes (primary and alternate) of the forenames
 * @param surnameSounds  the same for the surnames
 */
public record PersonKeys(MatchPerson person, List<String> upns, String uln, String legalForename,
                         String legalSurname, List<String> forenames, List<String> surnames,
                         List<String> surnameParts, LocalDate dob, String dobDigits, char sex, String postcode,
                         boolean upnsChecked, List<String> forenameSounds, List<String> surnameSounds) {

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    public static PersonKeys of(MatchPerson p) {
        Set<String> upns = new LinkedHashSet<>();
        addUpn(upns, p.upn());
        p.formerUpns().forEach(u -> addUpn(upns, u));

        String uln = p.uln() == null ? "" : p.uln().strip();
        if (!Uln.isValid(uln)) {
            uln = "";
        }
        String legalForename = NameKey.of(p.legalForename());
        String legalSurname = NameKey.of(p.legalSurname());

        Set<String> forenames = new LinkedHashSet<>();
        addIfPresent(forenames, legalForename);
        addIfPresent(forenames, NameKey.of(p.preferredForename()));
        List<String> firstParts = NameKey.parts(p.legalForename());
        if (firstParts.size() > 1) {
            forenames.add(firstParts.get(0));
        }
        Set<String> surnames = new LinkedHashSet<>();
        addIfPresent(surnames, legalSurname);
        addIfPresent(surnames, NameKey.of(p.preferredSurname()));
        Set<String> parts = new LinkedHashSet<>(NameKey.parts(p.legalSurname()));
        parts.addAll(NameKey.parts(p.preferredSurname()));

        LocalDate dob = p.birthDate();
        String dobDigits = dob == null ? "" : String.format(Locale.ROOT, "%04d%02d%02d",
                dob.getYear(), dob.getMonthValue(), dob.getDayOfMonth());
        String postcode = Postcode.normalise(p.postcode());
        boolean checked = !upns.isEmpty() && upns.stream().allMatch(u -> Upn.check(u) == Upn.Check.VALID);
        return new PersonKeys(p, List.copyOf(upns), uln, legalForename, legalSurname, List.copyOf(forenames),
                List.copyOf(surnames), List.copyOf(parts), dob, dobDigits, sex(p.sex()),
                postcode == null ? "" : postcode, checked, sounds(forenames), sounds(surnames));
    }

    private static List<String> sounds(Set<String> names) {
        Set<String> codes = new LinkedHashSet<>();
        for (String n : names) {
            addIfPresent(codes, METAPHONE.doubleMetaphone(n));
            addIfPresent(codes, METAPHONE.doubleMetaphone(n, true));
        }
        return List.copyOf(codes);
    }

    public String id() {
        return person.id();
    }

    /** The first three letters of the legal forename, as rules 3 and 4 use it (shorter names in full). */
    public String forenamePrefix() {
        return legalForename.length() <= 3 ? legalForename : legalForename.substring(0, 3);
    }

    private static void addUpn(Set<String> upns, String text) {
        if (text == null) {
            return;
        }
        String u = text.strip().toUpperCase(Locale.ROOT);
        if (u.length() == 13 && Upn.hasUpnShape(u)) {
            upns.add(u);
        }
    }

    private static void addIfPresent(Set<String> names, String key) {
        if (key != null && !key.isEmpty()) {
            names.add(key);
        }
    }

    private static char sex(String text) {
        if (text == null) {
            return ' ';
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        return s.equals("M") || s.equals("MALE") ? 'M' : s.equals("F") || s.equals("FEMALE") ? 'F' : ' ';
    }
}
