package org.rollbridge.core.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.rollbridge.core.identity.Uln;
import org.rollbridge.core.identity.Upn;

/**
 * A seeded register of families (siblings share a surname and home; some are twins) and incoming records
 * drawn from it with the errors schools make: missing or new UPNs, former UPNs, nicknames, typos, changed and
 * double-barrelled surnames, swapped or mistyped dates of birth, house moves; plus children new to the LA.
 * {@link #truth()} maps every record id to its person. Shared with the matching benchmark.
 */
public final class SyntheticPeople {

    private static final String[] SURNAMES = {"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans",
        "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards",
        "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin",
        "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
        "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
        "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller",
        "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson",
        "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell",
        "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker",
        "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "O'Brien", "O'Connor", "McDonald", "Nowak",
        "Kowalski", "Wiśniewski", "Ahmed", "Rahman", "Chowdhury", "Okafor", "Adeyemi", "Mensah", "Nguyen", "Zhang",
        "Wang", "Li", "Da Silva", "Santos", "Popescu", "Ionescu", "Kaur", "Sharma", "Gill", "Malik", "Iqbal",
        "Yilmaz", "Demir", "Müller", "Schmidt", "Novak", "Horvath", "Kovacs", "Ivanov", "Petrov", "Smirnov",
        "Fitzgerald", "Gallagher", "Doherty", "Byrne", "Quinn", "Nolan", "Whitfield", "Ashworth", "Pemberton",
        "Thistlethwaite", "Featherstone", "Ainsworth", "Blackburn", "Cartwright", "Drinkwater", "Entwistle"};
    private static final String[] BOYS = {"Oliver", "George", "Harry", "Noah", "Jack", "Jacob", "Leo", "Oscar",
        "Charlie", "Muhammad", "Alfie", "Thomas", "Freddie", "Archie", "Henry", "William", "Joshua", "James",
        "Ethan", "Isaac", "Alexander", "Joseph", "Edward", "Samuel", "Max", "Daniel", "Arthur", "Lucas", "Mohammed",
        "Logan", "Theo", "Harrison", "Benjamin", "Mason", "Sebastian", "Finley", "Adam", "Dylan", "Zachary",
        "Riley", "Teddy", "Theodore", "David", "Elijah", "Jake", "Toby", "Louie", "Reuben", "Arlo", "Hugo",
        "Jaxon", "Luca", "Matthew", "Aaron", "Albie", "Tommy", "Ibrahim", "Yusuf", "Omar", "Ali", "Aleksandr",
        "Jakub", "Szymon", "Mateusz", "Dmitri", "Kacper", "Jan", "Jonah", "Robert", "Michael", "Nathan", "Rory",
        "Stanley", "Ronnie", "Bobby", "Jesse", "Caleb", "Kai", "Ellis", "Jude", "Frankie", "Felix", "Rowan"};
    private static final String[] GIRLS = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella",
        "Rosie", "Sophia", "Grace", "Willow", "Freya", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie",
        "Charlotte", "Evelyn", "Sienna", "Sofia", "Daisy", "Phoebe", "Sophie", "Alice", "Harper", "Matilda",
        "Ruby", "Emilia", "Maya", "Isabelle", "Millie", "Eva", "Luna", "Jessica", "Aria", "Scarlett", "Chloe",
        "Esme", "Eliza", "Layla", "Hannah", "Zara", "Maisie", "Lucy", "Erin", "Bella", "Aisha", "Fatima", "Maryam",
        "Zainab", "Amira", "Hafsa", "Zofia", "Zuzanna", "Alexandra", "Anastasia", "Zoë", "Chloé", "Niamh", "Aoife",
        "Katie", "Katherine", "Elizabeth", "Rebecca", "Abigail", "Victoria", "Jasmine", "Leah", "Sarah", "Megan",
        "Molly", "Nancy", "Orla", "Thea", "Violet", "Robyn", "Jennifer", "Georgia", "Natalie", "Amber"};
    private static final Map<String, String> SHORT_FORMS = Map.ofEntries(Map.entry("William", "Bill"),
            Map.entry("Alexander", "Alex"), Map.entry("Alexandra", "Sasha"), Map.entry("Muhammad", "Mohammed"),
            Map.entry("Mohammed", "Muhammad"), Map.entry("Aleksandr", "Alexander"), Map.entry("Robert", "Bob"),
            Map.entry("Thomas", "Tom"), Map.entry("Joseph", "Joe"), Map.entry("Samuel", "Sam"),
            Map.entry("Benjamin", "Ben"), Map.entry("Daniel", "Danny"), Map.entry("Katherine", "Kate"),
            Map.entry("Elizabeth", "Liz"), Map.entry("Rebecca", "Becky"), Map.entry("Matthew", "Matt"),
            Map.entry("Michael", "Mike"), Map.entry("Zachary", "Zach"), Map.entry("Theodore", "Theo"),
            Map.entry("Frederick", "Freddie"), Map.entry("Abigail", "Abbie"), Map.entry("Jennifer", "Jenny"),
            Map.entry("Victoria", "Vicky"), Map.entry("Jakub", "Jacob"), Map.entry("Dmitri", "Dmitry"),
            Map.entry("Yusuf", "Joseph"), Map.entry("Zoë", "Zoe"), Map.entry("Chloé", "Chloe"));
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUWY";

    private final Random random;
    private final List<MatchPerson> register = new ArrayList<>();
    private final List<MatchPerson> incoming = new ArrayList<>();
    private final Map<String, String> truth = new HashMap<>();
    private int upnSerial;
    private long ulnSerial = 100_000_000L;

    private SyntheticPeople(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param registerSize people in the register
     * @param incomingSize incoming records; about 93% are register people, the rest new to the LA
     */
    public static SyntheticPeople generate(int registerSize, int incomingSize, long seed) {
        SyntheticPeople s = new SyntheticPeople(seed);
        List<MatchPerson> people = new ArrayList<>();
        while (people.size() < registerSize + incomingSize) {
            s.family(people);
        }
        // The first registerSize people are known to the LA; later ones are new.
        List<MatchPerson> known = people.subList(0, registerSize);
        for (MatchPerson p : known) {
            s.register.add(p);
            s.truth.put(p.id(), p.id());
        }
        int newcomers = incomingSize * 7 / 100;
        List<MatchPerson> drawn = new ArrayList<>(known);
        java.util.Collections.shuffle(drawn, s.random);
        for (int i = 0; i < incomingSize; i++) {
            // Each known child once, except about 1% sent twice (dual registration, a move mid-batch).
            MatchPerson source = i < newcomers ? people.get(registerSize + i)
                    : s.random.nextDouble() < 0.01 ? known.get(s.random.nextInt(known.size()))
                    : drawn.get((i - newcomers) % drawn.size());
            String id = "9262" + String.format("%03d-%06d", s.random.nextInt(1000), i);
            s.incoming.add(s.asSchoolSends(source, id));
            s.truth.put(id, source.id());
        }
        java.util.Collections.shuffle(s.incoming, s.random);
        return s;
    }

    public List<MatchPerson> register() {
        return register;
    }

    public List<MatchPerson> incoming() {
        return incoming;
    }

    /** Record id (register or incoming) to person id. */
    public Map<String, String> truth() {
        return truth;
    }

    private void family(List<MatchPerson> people) {
        String surname = pick(SURNAMES, true);
        String postcode = postcode();
        int children = 1 + (random.nextDouble() < 0.45 ? 1 : 0) + (random.nextDouble() < 0.15 ? 1 : 0);
        LocalDate born = LocalDate.of(2008, 9, 1).plusDays(random.nextInt(365 * 15));
        for (int c = 0; c < children; c++) {
            boolean twin = c > 0 && random.nextDouble() < 0.08;
            LocalDate dob = twin ? born : born.plusDays(400 + random.nextInt(1500));
            if (dob.isAfter(LocalDate.of(2024, 8, 31))) {
                break;
            }
            born = dob;
            boolean girl = random.nextBoolean();
            String forename = pick(girl ? GIRLS : BOYS, false);
            String id = "P" + (people.size() + 1);
            int year = dob.getYear() + 5;
            Upn upn = newUpn(year);
            String uln = dob.getYear() < 2011 && random.nextDouble() < 0.6 ? uln() : null;
            people.add(MatchPerson.builder(id).upn(upn.value()).uln(uln).forename(forename).surname(surname)
                    .dob(dob.toString()).sex(girl ? "F" : "M").postcode(postcode).build());
        }
    }

    /** The person as a school's MIS sends them: mostly right, sometimes not. */
    private MatchPerson asSchoolSends(MatchPerson p, String id) {
        MatchPerson.Builder b = MatchPerson.builder(id).forename(p.legalForename()).surname(p.legalSurname())
                .dob(p.dob().text()).sex(p.sex()).postcode(p.postcode()).uln(p.uln()).upn(p.upn());
        double r = random.nextDouble();
        if (r < 0.12) {
            b.upn(null); // not yet known to the new school
        } else if (r < 0.17) {
            b.upn(newUpn(24).value())
                    .formerUpns(p.upn()); // a new number, the old one kept as former
        } else if (r < 0.21) {
            b.upn(newUpn(24).value());
        } else if (r < 0.23) {
            b.upn(typo(p.upn(), "0123456789"));
        }
        if (random.nextDouble() < 0.3) {
            b.uln(null);
        }
        String forename = p.legalForename();
        double f = random.nextDouble();
        if (f < 0.05 && SHORT_FORMS.containsKey(forename)) {
            b.preferredForename(SHORT_FORMS.get(forename));
        } else if (f < 0.07 && SHORT_FORMS.containsKey(forename)) {
            b.forename(SHORT_FORMS.get(forename));
        } else if (f < 0.09 && forename.length() > 4) {
            b.forename(typo(forename, "aeiounrst"));
        } else if (f < 0.10) {
            b.forename(forename.toUpperCase(java.util.Locale.ROOT));
        }
        String surname = p.legalSurname();
        double s = random.nextDouble();
        if (s < 0.03) {
            b.surname(surname + "-" + pick(SURNAMES, true)); // double-barrelled
        } else if (s < 0.05) {
            b.surname(pick(SURNAMES, true)).preferredSurname(random.nextBoolean() ? surname : null); // changed
        } else if (s < 0.08 && surname.length() > 4) {
            b.surname(typo(surname, "aeiounrst"));
        } else if (s < 0.10) {
            b.surname(surname.replace("'", "").replace(" ", "").replace('ś', 's').replace('ü', 'u'));
        }
        LocalDate dob = p.birthDate();
        double d = random.nextDouble();
        if (d < 0.01 && dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue()) {
            b.dob(LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue()).toString());
        } else if (d < 0.025) {
            b.dob(dob.plusDays(random.nextBoolean() ? 1 : 10).toString());
        } else if (d < 0.03) {
            b.dob(null);
        }
        double h = random.nextDouble();
        if (h < 0.12) {
            b.postcode(postcode()); // moved house
        } else if (h < 0.16) {
            b.postcode(null);
        } else if (h < 0.20) {
            b.postcode(p.postcode().replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        }
        if (random.nextDouble() < 0.02) {
            b.sex(null);
        }
        return b.build();
    }

    /** UPNs are unique: the serial runs through establishments so no two people share one. */
    private Upn newUpn(int year) {
        int n = upnSerial++;
        return Upn.compose("926", String.format("%04d", 1000 + (n / 1000) % 9000), year, n % 1000);
    }

    private String pick(String[] names, boolean skewed) {
        // Skewed towards the start of the list, as real surname frequencies are.
        int i = skewed ? (int) Math.min(names.length - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * names.length))
                : random.nextInt(names.length);
        return names[i];
    }

    private String typo(String text, String alphabet) {
        char[] c = text.toCharArray();
        int at = 1 + random.nextInt(c.length - 1);
        if (random.nextBoolean() && at < c.length - 1) {
            char t = c[at];
            c[at] = c[at + 1];
            c[at + 1] = t;
        } else {
            c[at] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    private String postcode() {
        return "NR" + (1 + random.nextInt(30)) + " " + random.nextInt(10) + LETTERS.charAt(random.nextInt(20))
                + LETTERS.charAt(random.nextInt(20));
    }

    private String uln() {
        while (true) {
            String stem = String.valueOf(ulnSerial++);
            int check = Uln.checkDigit(stem);
            if (check >= 0) {
                return stem + check;
            }
        }
    }
}
