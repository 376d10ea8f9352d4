package org.rollbridge.synth;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.identity.Postcode;
import org.rollbridge.core.identity.Upn;

/** Spoils a school's record of a pupil in one of the ways real MIS data goes wrong, at the configured rate. */
final class ErrorInjector {

    private static final ErrorKind[] SCHOOL_KINDS = {ErrorKind.UPN_CHECK_LETTER, ErrorKind.UPN_TEMPORARY,
            ErrorKind.UPN_DUPLICATE_ACROSS_SCHOOLS, ErrorKind.POSTCODE_MISSING, ErrorKind.POSTCODE_MALFORMED,
            ErrorKind.NAME_EXTRA_SPACES, ErrorKind.DOB_TYPO, ErrorKind.DOB_IMPOSSIBLE, ErrorKind.DOB_NC_YEAR_MISMATCH,
            ErrorKind.ETHNICITY_INVALID, ErrorKind.SEN_PROVISION_INVALID, ErrorKind.ATTENDANCE_CODE_INVALID};
    private static final double[] WEIGHTS = {8, 8, 4, 10, 8, 12, 10, 6, 8, 8, 6, 12};

    private final double rate;
    private final School school;
    private final Movements movements;
    private final List<School> schools;

    ErrorInjector(double rate, School school, Movements movements, List<School> schools) {
        this.rate = rate;
        this.school = school;
        this.movements = movements;
        this.schools = schools;
    }

    /** The pupil as this school records them; {@code marks} may receive an invalid code. */
    Recorded record(Enrolment e, byte[] marks, RandomGenerator r) {
        Recorded rec = Recorded.of(e.child);
        if (r.nextDouble() >= rate) {
            return rec;
        }
        ErrorKind kind = SCHOOL_KINDS[Draw.weighted(r, WEIGHTS)];
        if (kind == ErrorKind.UPN_DUPLICATE_ACROSS_SCHOOLS && school.index() == 0) {
            kind = ErrorKind.UPN_CHECK_LETTER;
        }
        if (kind == ErrorKind.ATTENDANCE_CODE_INVALID && !hasMarks(marks)) {
            kind = ErrorKind.NAME_EXTRA_SPACES;
        }
        rec.error = kind;
        rec.field = kind.field();
        Child c = e.child;
        switch (kind) {
            case UPN_CHECK_LETTER -> {
                char right = c.upn.charAt(0);
                char wrong = right;
                while (wrong == right) {
                    wrong = Upn.ALPHABET.charAt(r.nextInt(Upn.ALPHABET.length()));
                }
                rec.upn = wrong + c.upn.substring(1);
            }
            case UPN_TEMPORARY -> rec.upn = Upn.composeTemporary(school.laestab().la(), school.laestab().estab(),
                    e.start.getYear(), r.nextInt(100), Upn.ALPHABET.charAt(r.nextInt(Upn.ALPHABET.length()))).value();
            case UPN_DUPLICATE_ACROSS_SCHOOLS -> {
                List<Enrolment> other = List.of();
                for (int attempt = 0; attempt < 10 && other.isEmpty(); attempt++) {
                    other = movements.at(schools.get(r.nextInt(school.index())));
                }
                Enrolment victim = other.isEmpty() ? null : Draw.one(r, other);
                if (victim == null || victim.child == c) {
                    rec.upn = Upn.ALPHABET.charAt((Upn.ALPHABET.indexOf(c.upn.charAt(0)) + 1) % 23) + c.upn.substring(1);
                    rec.error = ErrorKind.UPN_CHECK_LETTER;
                    rec.field = "upn";
                } else {
                    rec.upn = victim.child.upn;
                }
            }
            case POSTCODE_MISSING -> rec.postcode = null;
            case POSTCODE_MALFORMED -> rec.postcode = malformed(c.family.postcode, r);
            case NAME_EXTRA_SPACES -> {
                boolean surname = r.nextBoolean();
                String name = surname ? c.surname : c.forename;
                String spoiled = switch (r.nextInt(3)) {
                    case 0 -> " " + name;
                    case 1 -> name + "  ";
                    default -> name.length() > 2 ? name.substring(0, 2) + "  " + name.substring(2) : name + " ";
                };
                if (surname) {
                    rec.surname = spoiled;
                    rec.field = "surname";
                } else {
                    rec.forename = spoiled;
                }
            }
            case DOB_TYPO -> rec.dob = typo(c.dob, r).toString();
            case DOB_IMPOSSIBLE -> rec.dob = impossible(c.dob, r);
            case DOB_NC_YEAR_MISMATCH -> rec.ncYear = neighbour(c.year, r).code();
            case ETHNICITY_INVALID -> rec.ethnicity = Draw.one(r, new String[] {"WBR", "WHIT", "BRIT", "XXXX", "W BR"});
            case SEN_PROVISION_INVALID -> rec.sen = Draw.one(r, new String[] {"Y", "EHC", "SS", "Q"});
            case ATTENDANCE_CODE_INVALID -> {
                int i;
                do {
                    i = r.nextInt(marks.length);
                } while (marks[i] == Mark.NONE);
                rec.invalidSession = i;
                rec.invalidMark = (byte) (Mark.INVALID + r.nextInt(Mark.CODES.length - Mark.INVALID));
                marks[i] = rec.invalidMark;
            }
            default -> throw new IllegalStateException("not a school error: " + kind);
        }
        return rec;
    }

    private static boolean hasMarks(byte[] marks) {
        for (byte m : marks) {
            if (m != Mark.NONE) {
                return true;
            }
        }
        return false;
    }

    static String malformed(String postcode, RandomGenerator r) {
        for (int attempt = 0; ; attempt++) {
            String compact = postcode.replace(" ", "");
            String bad = switch ((r.nextInt(4) + attempt) % 4) {
                case 0 -> postcode.substring(0, postcode.length() - 1);
                case 1 -> postcode.replace('1', 'I').replace('0', 'O') + (postcode.contains("1") || postcode.contains("0") ? "" : "X");
                case 2 -> compact + compact.charAt(compact.length() - 1);
                default -> "N" + postcode.substring(postcode.indexOf(' ') + 1);
            };
            if (Postcode.parse(bad).isEmpty()) {
                return bad;
            }
        }
    }

    /** Another real date in the same month (so the year group still fits): a mistyped day. */
    static LocalDate typo(LocalDate dob, RandomGenerator r) {
        int day = dob.getDayOfMonth();
        int swapped = (day % 10) * 10 + day / 10;
        int candidate = swapped != day && swapped >= 1 && swapped <= dob.lengthOfMonth() ? swapped
                : 1 + (day + r.nextInt(dob.lengthOfMonth() - 1)) % dob.lengthOfMonth();
        if (candidate == day) {
            candidate = day == 1 ? 2 : day - 1;
        }
        return dob.withDayOfMonth(candidate);
    }

    static String impossible(LocalDate dob, RandomGenerator r) {
        String y = String.valueOf(dob.getYear());
        String text = switch (r.nextInt(3)) {
            case 0 -> y + "-02-30";
            case 1 -> y + String.format("-%02d-31", new int[] {4, 6, 9, 11}[r.nextInt(4)]);
            default -> y + String.format("-13-%02d", dob.getDayOfMonth());
        };
        try {
            LocalDate.parse(text);
            throw new IllegalStateException("meant to be impossible: " + text);
        } catch (DateTimeException expected) {
            return text;
        }
    }

    private static NcYear neighbour(NcYear year, RandomGenerator r) {
        NcYear[] all = NcYear.values();
        int i = year.ordinal();
        int j = i == 0 ? 1 : all[i + 1] == NcYear.X || r.nextBoolean() ? i - 1 : i + 1;
        return all[j];
    }
}
