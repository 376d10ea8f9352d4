package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenNeed;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.code.Sex;

/**
 * The LA's children in families. Each school's roll is split into year-group places; families are formed by giving a
 * place's child siblings in other year groups (mostly at the same school), sometimes a twin.
 */
final class Population {

    private static final String[] STREETS = {"Church Lane", "Station Road", "The Street", "Mill Road", "Norwich Road",
            "High Street", "School Lane", "Manor Road", "Chapel Street", "Victoria Road", "Queens Road", "Park Lane",
            "Green Lane", "Back Lane", "Common Road", "London Road", "Yarmouth Road", "Cromer Road", "Holt Road",
            "Orchard Close", "Beech Drive", "Meadow Way", "Kings Avenue", "Willow Close", "Fakenham Road"};

    private final List<Child> children;
    /** Children by school index: the school whose roll each child was placed on. */
    private final int[] homeSchool;

    private Population(List<Child> children, int[] homeSchool) {
        this.children = children;
        this.homeSchool = homeSchool;
    }

    List<Child> children() {
        return children;
    }

    int homeSchool(Child c) {
        return homeSchool[c.id];
    }

    static Population build(Settings settings, SchoolCatalogue catalogue, LaArea area, PhaseTargets targets,
                            Seeds seeds) {
        List<School> schools = catalogue.schools();
        int[] rolls = rolls(schools, settings.pupils());
        Places places = new Places(schools, rolls, seeds.random("places"));
        RandomGenerator r = seeds.random("families");
        RandomGenerator names = seeds.random("names");
        List<Child> children = new ArrayList<>(settings.pupils());
        int[] home = new int[settings.pupils()];
        int year = settings.academicYear();
        int familyId = 0;
        for (int place = places.next(); place >= 0; place = places.next()) {
            Family family = family(familyId++, schools.get(places.school(place)), area, settings, r, names);
            int size = 1 + Draw.weighted(r, new double[] {0.42, 0.40, 0.13, 0.05});
            List<Integer> members = new ArrayList<>();
            members.add(place);
            if (r.nextDouble() < 0.03) {
                int twin = places.take(places.school(place), places.year(place));
                if (twin >= 0) {
                    members.add(twin);
                }
            }
            for (int k = members.size(); k < size; k++) {
                int sibling = places.sibling(places.school(place), places.year(place), r);
                if (sibling >= 0) {
                    members.add(sibling);
                }
            }
            LocalDate twinDob = null;
            for (int m = 0; m < members.size(); m++) {
                int p = members.get(m);
                NcYear ncYear = places.year(p);
                boolean twin = m > 0 && places.year(p) == places.year(members.get(0))
                        && places.school(p) == places.school(members.get(0));
                LocalDate dob = twin && twinDob != null ? twinDob : birthDate(ncYear, year, r);
                if (m == 0) {
                    twinDob = dob;
                }
                Child c = child(children.size(), family, ncYear, dob, twin, schools.get(places.school(p)), settings,
                        r, names);
                home[c.id] = places.school(p);
                children.add(c);
            }
        }
        Propensity.assign(children, home, schools, targets, seeds.random("propensity"));
        return new Population(List.copyOf(children), home);
    }

    /** Each school's share of the pupils, by its weight, summing exactly to the total. */
    static int[] rolls(List<School> schools, int pupils) {
        double total = schools.stream().mapToDouble(School::weight).sum();
        int n = schools.size();
        int[] rolls = new int[n];
        Integer[] byRest = new Integer[n];
        double[] rest = new double[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            double exact = pupils * schools.get(i).weight() / total;
            rolls[i] = (int) Math.floor(exact);
            rest[i] = exact - rolls[i];
            byRest[i] = i;
            sum += rolls[i];
        }
        java.util.Arrays.sort(byRest, (a, b) -> rest[a] != rest[b] ? Double.compare(rest[b], rest[a]) : a - b);
        for (int k = 0; sum < pupils; k = (k + 1) % n) {
            rolls[byRest[k]]++;
            sum++;
        }
        for (int i = 0; i < n; i++) {
            while (rolls[i] < 5) {
                int largest = 0;
                for (int j = 1; j < n; j++) {
                    largest = rolls[j] > rolls[largest] ? j : largest;
                }
                rolls[largest]--;
                rolls[i]++;
            }
        }
        return rolls;
    }

    static LocalDate birthDate(NcYear ncYear, int academicYear, RandomGenerator r) {
        int age = ncYear.ageAtStartOfYear();
        LocalDate first = LocalDate.of(academicYear - age - 1, 9, 1);
        return first.plusDays(r.nextInt(365));
    }

    private static Family family(int id, School school, LaArea area, Settings settings, RandomGenerator r,
                                 RandomGenerator names) {
        NameBook book = NameBook.get();
        Origin origin = origin(area, r);
        Origin other = origin;
        if (r.nextDouble() < 0.07) {
            other = origin == Origin.WHITE_BRITISH ? origin(area.origins().keySet().stream()
                    .filter(o -> o != Origin.WHITE_BRITISH).toList(), r) : Origin.WHITE_BRITISH;
        }
        String surname = Draw.one(names, book.surnames(origin));
        boolean singleParent = r.nextDouble() < 0.23;
        String mother = Draw.one(names, book.forenames(other, Sex.FEMALE));
        String motherSurname = singleParent || r.nextDouble() < 0.2 ? Draw.one(names, book.surnames(other)) : surname;
        if (singleParent) {
            surname = motherSurname;
        }
        String father = singleParent ? null : Draw.one(names, book.forenames(origin, Sex.MALE));
        Locality loc = r.nextDouble() < 0.85 ? school.locality() : Draw.one(r, area.localities());
        String postcode = Postcodes.inward(loc, r);
        String previous = r.nextDouble() < 0.07 ? Postcodes.inward(Draw.one(r, area.localities()), r) : null;
        double u = r.nextDouble();
        Family.SocialCare care = u < 0.005 ? Family.SocialCare.LOOKED_AFTER
                : u < 0.0095 ? Family.SocialCare.CHILD_PROTECTION
                : u < 0.033 ? Family.SocialCare.CHILD_IN_NEED : Family.SocialCare.NONE;
        double fsm = 0.24 * switch (origin) {
            case ROMA, IRISH_TRAVELLER, SOMALI -> 2.4;
            case BANGLADESHI, PAKISTANI, CARIBBEAN -> 1.6;
            case CHINESE, INDIAN -> 0.5;
            default -> 1.0;
        } * (care != Family.SocialCare.NONE ? 2.5 : 1.0) * (singleParent ? 1.6 : 0.85);
        LocalDate holFrom = null;
        LocalDate holTo = null;
        double period = (settings.to().toEpochDay() - settings.from().toEpochDay()) / 320.0;
        if (r.nextDouble() < 0.15 * Math.min(1.0, period * 1.3)) {
            // Mostly next to a half-term or holiday, when flights are cheaper.
            holFrom = settings.from().plusDays(10 + r.nextInt((int) (settings.to().toEpochDay() - settings.from().toEpochDay()) - 14));
            holTo = holFrom.plusDays(2 + r.nextInt(9));
        }
        String phone = String.format("07700 900%03d", r.nextInt(1000));
        return new Family(id, origin, other, surname, String.valueOf(1 + r.nextInt(140)), Draw.one(r, STREETS), loc,
                postcode, previous, mother, motherSurname, father, father != null && r.nextDouble() < 0.02,
                r.nextDouble() < 0.08, r.nextDouble() < 0.3 ? Draw.one(names, book.forenames(origin, Sex.FEMALE)) : null,
                care, r.nextDouble() < Math.min(0.9, fsm), holFrom, holTo, r.nextDouble() < 0.5, phone);
    }

    private static Origin origin(LaArea area, RandomGenerator r) {
        Origin[] all = Origin.values();
        double[] w = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            w[i] = area.origins().get(all[i]);
        }
        return all[Draw.weighted(r, w)];
    }

    private static Origin origin(List<Origin> among, RandomGenerator r) {
        return Draw.one(r, among);
    }

    private static Child child(int id, Family f, NcYear ncYear, LocalDate dob, boolean twin, School school,
                               Settings settings, RandomGenerator r, RandomGenerator names) {
        NameBook book = NameBook.get();
        Sex sex = r.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        Origin nameOrigin = r.nextDouble() < 0.5 ? f.origin : f.otherParentOrigin;
        String forename = Draw.one(names, book.forenames(nameOrigin, sex));
        String middle = r.nextDouble() < 0.65 ? Draw.one(names, book.forenames(Draw.one(r,
                List.of(f.origin, f.otherParentOrigin)), sex)) : null;
        if (forename.equals(middle)) {
            middle = null;
        }
        List<String> nick = book.nicknames(forename);
        String preferred = !nick.isEmpty() && r.nextDouble() < 0.3 ? Draw.one(names, nick) : null;
        String surname = f.surname;
        if (f.origin != f.otherParentOrigin && r.nextDouble() < 0.25 && !surname.contains("-")
                && !surname.equals(f.motherSurname)) {
            surname = f.surname + "-" + f.motherSurname;
        }
        String former = r.nextDouble() < 0.02 ? Draw.one(names, book.surnames(f.otherParentOrigin)) : null;
        if (surname.equals(former)) {
            former = null;
        }
        double e = r.nextDouble();
        Ethnicity ethnicity = e < 0.012 ? Ethnicity.REFU : e < 0.022 ? Ethnicity.NOBT
                : Origin.mixed(f.origin, f.otherParentOrigin);
        String language = f.origin.homeLanguage().equals("ENG") || r.nextDouble() < 0.35 ? "ENG" : f.origin.homeLanguage();
        Phase phase = school.phase();
        double sexFactor = sex == Sex.MALE ? 1.35 : 0.65;
        double s = r.nextDouble();
        SenProvision sen = switch (phase) {
            case SPECIAL -> s < 0.97 ? SenProvision.E : SenProvision.K;
            case PRU -> s < 0.18 ? SenProvision.E : s < 0.75 ? SenProvision.K : SenProvision.N;
            case NURSERY -> s < 0.01 ? SenProvision.E : s < 0.08 ? SenProvision.K : SenProvision.N;
            default -> s < 0.025 * sexFactor ? SenProvision.E : s < 0.155 * sexFactor ? SenProvision.K : SenProvision.N;
        };
        List<SenNeed> needs = sen == SenProvision.N ? List.of() : Needs.draw(phase, ncYear, sen, r);
        LocalDate senStart = sen == SenProvision.N ? null
                : settings.from().minusDays(r.nextInt(Math.max(30, 365 * Math.max(1, ncYear.ageAtStartOfYear() - 3))));
        if (senStart != null && senStart.isBefore(dob.plusYears(2))) {
            senStart = dob.plusYears(2).plusDays(r.nextInt(300));
        }
        boolean fsm = f.freeMeals || ((phase == Phase.PRU || phase == Phase.SPECIAL) && r.nextDouble() < 0.25);
        LocalDate fsmStart = fsm ? settings.from().minusDays(r.nextInt(1200)) : null;
        if (fsmStart != null && fsmStart.isBefore(dob.plusYears(3))) {
            fsmStart = dob.plusYears(3).plusDays(r.nextInt(200));
        }
        LocalDate careStart = null;
        LocalDate careEnd = null;
        if (f.socialCare != Family.SocialCare.NONE) {
            careStart = settings.from().minusDays(30 + r.nextInt(900));
            if (careStart.isBefore(dob)) {
                careStart = dob.plusDays(r.nextInt(200));
            }
        } else if (r.nextDouble() < 0.012) {
            careStart = settings.from().minusDays(200 + r.nextInt(700));
            careEnd = careStart.plusDays(60 + r.nextInt(120));
            if (careStart.isBefore(dob)) {
                careStart = null;
                careEnd = null;
            }
        }
        Child c = new Child(id, f, forename, middle, preferred, surname, former, dob, sex, ethnicity, language, ncYear,
                twin, sen, needs, senStart, fsmStart, careStart, careEnd);
        c.mornings = phase == Phase.NURSERY && r.nextDouble() < 0.6;
        return c;
    }

    /** The year-group places of every school, handed out once each. */
    private static final class Places {
        private final int[] school;
        private final NcYear[] year;
        private final boolean[] taken;
        private final int[] order;
        private int cursor;
        private final Map<NcYear, List<Integer>> byYear = new EnumMap<>(NcYear.class);
        private final List<Map<NcYear, List<Integer>>> bySchoolYear = new ArrayList<>();

        Places(List<School> schools, int[] rolls, RandomGenerator r) {
            int n = 0;
            for (int roll : rolls) {
                n += roll;
            }
            school = new int[n];
            year = new NcYear[n];
            taken = new boolean[n];
            int p = 0;
            for (School s : schools) {
                Map<NcYear, List<Integer>> mine = new EnumMap<>(NcYear.class);
                bySchoolYear.add(mine);
                double[] w = yearWeights(s);
                for (int k = 0; k < rolls[s.index()]; k++) {
                    NcYear y = s.years().get(Draw.weighted(r, w));
                    school[p] = s.index();
                    year[p] = y;
                    mine.computeIfAbsent(y, x -> new ArrayList<>()).add(p);
                    byYear.computeIfAbsent(y, x -> new ArrayList<>()).add(p);
                    p++;
                }
            }
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (List<Integer> l : byYear.values()) {
                shuffle(l, r);
            }
        }

        private static void shuffle(List<Integer> l, RandomGenerator r) {
            for (int i = l.size() - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                l.set(i, l.set(j, l.get(i)));
            }
        }

        private static double[] yearWeights(School s) {
            double[] w = new double[s.years().size()];
            for (int i = 0; i < w.length; i++) {
                NcYear y = s.years().get(i);
                int age = y.ageAtStartOfYear();
                w[i] = switch (s.phase()) {
                    case NURSERY -> y == NcYear.N1 ? 0.35 : 1.0;
                    case PRIMARY -> y == NcYear.N2 ? 0.6 : 1.0;
                    case SECONDARY, ALL_THROUGH -> age >= 16 ? 0.5 : age < 11 ? 0.55 : 1.0;
                    case SPECIAL -> age == 4 ? 0.3 : age < 11 ? 0.7 : age >= 16 ? 0.6 : 1.0;
                    case PRU -> new double[] {0.05, 0.1, 0.4, 0.7, 1.1, 1.5, 1.6}[Math.max(0, Math.min(6, age - 9))];
                };
            }
            return w;
        }

        int next() {
            while (cursor < order.length && taken[order[cursor]]) {
                cursor++;
            }
            if (cursor == order.length) {
                return -1;
            }
            taken[order[cursor]] = true;
            return order[cursor];
        }

        int school(int p) {
            return school[p];
        }

        NcYear year(int p) {
            return year[p];
        }

        /** A free place at this school in this year group, or -1. */
        int take(int s, NcYear y) {
            return takeFrom(bySchoolYear.get(s).get(y));
        }

        /** A sibling's place: another year group within six years, at the same school when it teaches it. */
        int sibling(int s, NcYear y, RandomGenerator r) {
            NcYear[] all = NcYear.values();
            for (int attempt = 0; attempt < 6; attempt++) {
                int age = y.ageAtStartOfYear() + (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(6));
                NcYear other = null;
                for (NcYear candidate : all) {
                    if (candidate.ageAtStartOfYear() == age) {
                        other = candidate;
                    }
                }
                if (other == null) {
                    continue;
                }
                if (r.nextDouble() < 0.7) {
                    List<Integer> same = bySchoolYear.get(s).get(other);
                    int p = takeFrom(same);
                    if (p >= 0) {
                        return p;
                    }
                }
                int p = takeFrom(byYear.get(other));
                if (p >= 0) {
                    return p;
                }
            }
            return -1;
        }

        private int takeFrom(List<Integer> list) {
            if (list == null) {
                return -1;
            }
            while (!list.isEmpty()) {
                int p = list.remove(list.size() - 1);
                if (!taken[p]) {
                    taken[p] = true;
                    return p;
                }
            }
            return -1;
        }
    }
}
