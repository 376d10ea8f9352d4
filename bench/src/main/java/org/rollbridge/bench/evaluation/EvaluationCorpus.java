package org.rollbridge.bench.evaluation;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rollbridge.core.identity.Uln;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.core.matching.PersonCsv;

/**
 * A second, independent test of matching: an LA register of families (siblings, twins and triplets sharing a
 * surname, home and date of birth) and incoming records made from it by the published corruption models
 * ({@link Corruption}), with children new to the LA mixed in, some of them built to resemble registered
 * children. Every incoming record carries its {@link RecordKind} and its person, so figures can be given per kind.
 * The same seed always gives the same corpus. Built without the synthetic LA's generator or error injector.
 *
 * @param personOf record id (register or incoming) to person id
 * @param kinds    incoming record id to its kind
 */
public record EvaluationCorpus(List<MatchPerson> register, List<MatchPerson> incoming, Map<String, String> personOf,
                               Map<String, RecordKind> kinds) {

    /** The LA whose register this is; lookalikes carry UPNs issued elsewhere. */
    static final String LA = "926";
    private static final LocalDate YOUNGEST = LocalDate.of(2022, 8, 31);

    /** A child as truly known, before any record of them is written. */
    private record Child(String person, String forename, String surname, LocalDate dob, char sex, String postcode,
                         String upn, String uln, int household, int birth) {
    }

    public static EvaluationCorpus generate(int registerSize, int incomingSize, long seed) {
        return new Builder(seed).build(registerSize, incomingSize);
    }

    /** Writes {@code register.csv} and {@code incoming.csv} (the person register layout) and {@code truth.csv}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        writePeople(dir.resolve("register.csv"), register);
        writePeople(dir.resolve("incoming.csv"), incoming);
        try (Writer w = Files.newBufferedWriter(dir.resolve("truth.csv"));
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            out.printRecord("record_id", "person_id", "kind");
            for (MatchPerson p : register) {
                out.printRecord(p.id(), personOf.get(p.id()), "");
            }
            for (MatchPerson p : incoming) {
                out.printRecord(p.id(), personOf.get(p.id()), kinds.get(p.id()).name());
            }
        }
    }

    private static void writePeople(Path file, List<MatchPerson> people) throws IOException {
        try (Writer w = Files.newBufferedWriter(file);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            out.printRecord(PersonCsv.COLUMNS);
            for (MatchPerson p : people) {
                out.printRecord(p.id(), p.upn(), String.join(";", p.formerUpns()), p.uln(), p.legalForename(),
                        p.legalSurname(), p.preferredForename(), p.preferredSurname(),
                        p.birthDate() == null ? "" : p.birthDate().toString(), p.sex(), p.postcode());
            }
        }
    }

    private static final class Builder {
        private final Random random;
        private final CorpusNames names;
        private final Corruption corrupt;
        private final List<Child> children = new ArrayList<>();
        private final Set<String> upnsUsed = new HashSet<>();
        private final Set<String> sent = new HashSet<>();
        private Set<String> twins;
        private final List<String> postcodes = new ArrayList<>();
        private int people;
        private int serial;

        Builder(long seed) {
            random = new Random(seed);
            names = new CorpusNames(random);
            corrupt = new Corruption(random);
        }

        EvaluationCorpus build(int registerSize, int incomingSize) {
            for (int household = 0; children.size() < registerSize; household++) {
                family(household);
            }
            while (children.size() > registerSize) {
                children.remove(children.size() - 1);
            }
            List<MatchPerson> register = new ArrayList<>(children.size());
            Map<String, String> personOf = new LinkedHashMap<>();
            for (int i = 0; i < children.size(); i++) {
                Child c = children.get(i);
                String id = String.format("R%05d", i + 1);
                register.add(registered(id, c));
                personOf.put(id, c.person);
            }
            Map<RecordKind, Integer> quota = new EnumMap<>(RecordKind.class);
            int given = 0;
            for (RecordKind k : RecordKind.values()) {
                int n = (int) Math.floor(k.share() * incomingSize);
                quota.put(k, n);
                given += n;
            }
            quota.merge(RecordKind.UPN_KNOWN, incomingSize - given, Integer::sum);
            List<RecordKind> order = new ArrayList<>();
            quota.forEach((k, n) -> {
                for (int i = 0; i < n; i++) {
                    order.add(k);
                }
            });
            java.util.Collections.shuffle(order, random);
            List<MatchPerson> incoming = new ArrayList<>(incomingSize);
            Map<String, RecordKind> kinds = new LinkedHashMap<>();
            for (RecordKind kind : order) {
                String id = String.format("I%05d", incoming.size() + 1);
                Child truth = kind.registered() ? pick(kind) : newChild(kind);
                incoming.add(record(id, kind, truth));
                personOf.put(id, truth.person);
                kinds.put(id, kind);
            }
            return new EvaluationCorpus(List.copyOf(register), List.copyOf(incoming), Map.copyOf(personOf),
                    Map.copyOf(kinds));
        }

        /**
         * One to four children; 1.6% of births are twins and 0.1% triplets (ONS: about 1.5% of maternities in
         * England and Wales are multiple; triplets are rarer than this, kept so that they occur at this size).
         * The twin kinds of record test the pattern directly.
         */
        private void family(int household) {
            String surname = names.surname();
            if (random.nextDouble() < 0.06) {
                surname = surname + "-" + names.surname();
            }
            String postcode = postcode(household);
            int count = new int[] {1, 1, 1, 2, 2, 2, 2, 3, 3, 4}[random.nextInt(10)];
            LocalDate dob = YOUNGEST.minusDays(random.nextInt(12 * 365));
            int birth = 0;
            for (int i = 0; i < count; i++, birth++) {
                double multiple = random.nextDouble();
                int born = multiple < 0.001 ? 3 : multiple < 0.017 ? 2 : 1;
                List<String> given = new ArrayList<>();
                for (int b = 0; b < born; b++) {
                    char sex = random.nextBoolean() ? 'M' : 'F';
                    String forename = names.forename(sex);
                    if (b > 0 && random.nextDouble() < 0.5) {
                        // Twins whose names share their first letters (Isabella / Isabelle, Teddy / Tedy).
                        char firstSex = children.get(children.size() - 1).sex;
                        String alike = names.sharingStart(given.get(0), firstSex, 3);
                        sex = firstSex;
                        forename = alike != null ? alike : respelt(given.get(0));
                    }
                    while (given.contains(forename) || household(household, forename)) {
                        forename = names.forename(sex); // parents do not give two children one name
                    }
                    given.add(forename);
                    children.add(child(forename, surname, dob, sex, postcode, household, birth));
                }
                dob = dob.minusDays(400 + random.nextInt(900));
                if (dob.isBefore(YOUNGEST.minusYears(16))) {
                    break;
                }
            }
        }

        /** A parent's own spelling: a doubled letter made single, a final y made ie, or a letter added. */
        private String respelt(String name) {
            for (int i = 1; i < name.length(); i++) {
                if (name.charAt(i) == name.charAt(i - 1)) {
                    return name.substring(0, i) + name.substring(i + 1);
                }
            }
            return name.endsWith("y") ? name.substring(0, name.length() - 1) + "ie" : name + "e";
        }

        private Child child(String forename, String surname, LocalDate dob, char sex, String postcode, int household,
                            int birth) {
            String upn = random.nextDouble() < 0.96 ? upn(LA) : null;
            int age = YOUNGEST.getYear() + 4 - dob.getYear();
            String uln = age >= 14 && random.nextDouble() < 0.6 ? uln() : null;
            return new Child("P" + (++people), forename, surname, dob, sex, postcode, upn, uln, household, birth);
        }

        private MatchPerson registered(String id, Child c) {
            return MatchPerson.builder(id).upn(c.upn).uln(c.uln).forename(c.forename).surname(c.surname)
                    .birthDate(c.dob).sex(String.valueOf(c.sex)).postcode(c.postcode).build();
        }

        /**
         * A registered child fitting the kind, not yet sent in this batch (a batch holds each child once); only
         * when every fitting child has been sent is one sent again.
         */
        private Child pick(RecordKind kind) {
            if (twins == null) {
                twins = new HashSet<>();
                Map<String, Child> firstBorn = new java.util.HashMap<>();
                for (Child c : children) {
                    Child sibling = firstBorn.putIfAbsent(c.household + "|" + c.dob, c);
                    if (sibling != null) {
                        twins.add(sibling.person);
                        twins.add(c.person);
                    }
                }
            }
            List<Child> fitting = new ArrayList<>();
            for (Child c : children) {
                boolean fits = switch (kind) {
                    case TWIN_EXACT, TWIN_ERROR -> twins.contains(c.person);
                    case NICKNAME -> names.variant(c.forename) != null;
                    case UPN_KNOWN, UPN_TYPO, UPN_OF_ANOTHER_CHILD -> c.upn != null;
                    default -> true;
                };
                if (fits) {
                    fitting.add(c);
                }
            }
            List<Child> unsent = fitting.stream().filter(c -> !sent.contains(c.person)).toList();
            List<Child> from = unsent.isEmpty() ? fitting : unsent;
            Child c = from.get(random.nextInt(from.size()));
            sent.add(c.person);
            return c;
        }

        /** True when a child of the household already has this forename (households are generated in order). */
        private boolean household(int household, String forename) {
            for (int i = children.size() - 1; i >= 0 && children.get(i).household >= household; i--) {
                if (children.get(i).household == household && children.get(i).forename.equals(forename)) {
                    return true;
                }
            }
            return false;
        }

        private Child newChild(RecordKind kind) {
            Child like = children.get(random.nextInt(children.size()));
            char sex = random.nextBoolean() ? 'M' : 'F';
            return switch (kind) {
                case NEW_SIBLING -> {
                    LocalDate dob = like.dob.plusDays((random.nextBoolean() ? 1 : -1) * (300 + random.nextInt(1200)));
                    String forename = names.forename(sex);
                    while (household(like.household, forename)) {
                        forename = names.forename(sex);
                    }
                    yield new Child("P" + (++people), forename, like.surname, dob, sex, like.postcode,
                            random.nextDouble() < 0.7 ? upn(LA) : null, null, like.household, 0);
                }
                case NEW_LOOKALIKE -> {
                    String forename = null;
                    for (int letters = 3; forename == null && letters >= 1; letters--) {
                        forename = names.sharingStart(like.forename, like.sex, letters);
                    }
                    if (forename == null) {
                        forename = respelt(like.forename);
                    }
                    yield new Child("P" + (++people), forename, like.surname, like.dob, like.sex,
                            random.nextDouble() < 0.2 ? like.postcode : postcode(-1), upn(otherLa()), null, -1, 0);
                }
                default -> new Child("P" + (++people), names.forename(sex), names.surname(),
                        YOUNGEST.minusDays(random.nextInt(12 * 365)), sex, postcode(-1),
                        random.nextDouble() < 0.7 ? upn(otherLa()) : null, null, -1, 0);
            };
        }

        /** The incoming record the school sends for this child. */
        private MatchPerson record(String id, RecordKind kind, Child c) {
            MatchPerson.Builder b = MatchPerson.builder(id).forename(c.forename).surname(c.surname).birthDate(c.dob)
                    .sex(String.valueOf(c.sex)).postcode(c.postcode);
            switch (kind) {
                case UPN_KNOWN -> {
                    b.upn(c.upn).uln(c.uln);
                    if (random.nextDouble() < 0.25) {
                        b.postcode(moved(c.postcode));
                    }
                    if (random.nextDouble() < 0.08) {
                        b.forename(corrupt.name(c.forename));
                    }
                }
                case NO_ID_EXACT, TWIN_EXACT -> { }
                case ONE_ERROR, TWIN_ERROR -> oneError(b, c, kind == RecordKind.TWIN_ERROR);
                case MULTI_ERROR -> multiError(b, c);
                case NICKNAME -> {
                    b.forename(names.variant(c.forename));
                    if (random.nextDouble() < 0.3) {
                        b.forename(c.forename).preferredForename(names.variant(c.forename));
                    }
                }
                case SURNAME_CHANGE -> b.surname(changedSurname(c.surname));
                case DATE_ERROR -> b.birthDate(corrupt.date(c.dob));
                case MISSING_VALUES -> {
                    int which = random.nextInt(4);
                    if (which == 0 || which == 3) {
                        b.postcode(null);
                    }
                    if (which == 1 || which == 3) {
                        b.sex(null);
                    }
                    if (which == 2) {
                        b.birthDate(null);
                    }
                }
                case POSTCODE_MOVE -> b.postcode(moved(c.postcode));
                case UPN_OF_ANOTHER_CHILD -> {
                    Child other = c;
                    while (other == c || other.upn == null) {
                        other = children.get(random.nextInt(children.size()));
                    }
                    b.upn(other.upn);
                }
                case UPN_TYPO -> b.upn(corrupt.upnTypo(c.upn)).postcode(random.nextBoolean() ? c.postcode
                        : moved(c.postcode));
                case NEW_SIBLING, NEW_LOOKALIKE, NEW_UNRELATED -> b.upn(c.upn);
            }
            return b.build();
        }

        private void oneError(MatchPerson.Builder b, Child c, boolean twin) {
            switch (random.nextInt(twin ? 4 : 5)) {
                case 0 -> b.surname(corrupt.name(c.surname));
                case 1 -> b.birthDate(corrupt.date(c.dob));
                case 2 -> b.postcode(moved(c.postcode));
                case 3 -> b.sex(null);
                default -> b.forename(corrupt.name(c.forename));
            }
        }

        /** Two or three errors: one or two in the names, then usually a date error and a moved postcode. */
        private void multiError(MatchPerson.Builder b, Child c) {
            int errors = 0;
            String forename = c.forename;
            String surname = c.surname;
            int nameErrors = 1 + (random.nextDouble() < 0.35 ? 1 : 0);
            for (int i = 0; i < nameErrors; i++, errors++) {
                if (random.nextDouble() < 0.45) {
                    forename = corrupt.name(forename);
                } else {
                    surname = corrupt.name(surname);
                }
            }
            b.forename(forename).surname(surname);
            if (random.nextDouble() < 0.7) {
                b.birthDate(corrupt.date(c.dob));
                errors++;
            }
            if (errors < 2 || random.nextDouble() < 0.5) {
                b.postcode(moved(c.postcode));
            }
        }

        private String changedSurname(String surname) {
            String other = names.surname();
            return switch (random.nextInt(4)) {
                case 0 -> surname + "-" + other;
                case 1 -> other + "-" + surname;
                case 2 -> surname.contains("-") ? surname.substring(0, surname.indexOf('-')) : other + " " + surname;
                default -> other;
            };
        }

        /** Postcodes of a county like Norfolk: NR1..NR35, sector 0-9, a unit shared by a few dozen homes. */
        private String postcode(int household) {
            if (household >= 0 && household % 3 != 0 && !postcodes.isEmpty()) {
                return postcodes.get(random.nextInt(postcodes.size())); // neighbours in the same street
            }
            String units = "ABDEFGHJLNPQRSTUWXYZ";
            String p = "NR" + (1 + random.nextInt(35)) + " " + random.nextInt(10)
                    + units.charAt(random.nextInt(units.length())) + units.charAt(random.nextInt(units.length()));
            if (household >= 0) {
                postcodes.add(p);
            }
            return p;
        }

        /** A move: half the time within the same district, otherwise anywhere in the county. */
        private String moved(String postcode) {
            String units = "ABDEFGHJLNPQRSTUWXYZ";
            String to = random.nextBoolean() && postcode != null
                    ? postcode.substring(0, postcode.indexOf(' ') + 1) + random.nextInt(10)
                    + units.charAt(random.nextInt(units.length())) + units.charAt(random.nextInt(units.length()))
                    : postcode(-1);
            return to.equals(postcode) ? postcode(-1) : to;
        }

        private String otherLa() {
            String la;
            do {
                la = String.valueOf(201 + random.nextInt(740));
            } while (la.equals(LA));
            return la;
        }

        /** A permanent UPN with the right check letter, unique in the corpus. */
        private String upn(String la) {
            String upn;
            do {
                upn = Upn.compose(la, String.valueOf(2000 + random.nextInt(200)), 10 + random.nextInt(14),
                        (++serial) % 1000).value();
            } while (!upnsUsed.add(upn));
            return upn;
        }

        private String uln() {
            while (true) {
                String first = (1 + random.nextInt(9)) + String.format("%08d", random.nextInt(100_000_000));
                int check = Uln.checkDigit(first);
                if (check >= 0 && check <= 9) {
                    return first + check;
                }
            }
        }
    }
}
