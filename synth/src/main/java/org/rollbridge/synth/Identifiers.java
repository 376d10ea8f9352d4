package org.rollbridge.synth;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.rollbridge.core.identity.Uln;
import org.rollbridge.core.identity.Upn;

/**
 * Gives every child a UPN (allocated by the school they first joined in reception or nursery, in that year, by
 * serial), some a former UPN, and older pupils a ULN. Arrivals from outside the LA carry another LA's UPN.
 */
final class Identifiers {

    private static final String[] OTHER_LAS = {"935", "873", "941", "330", "211", "850", "937", "908", "383"};

    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> serials = new HashMap<>();
    private final RandomGenerator r;

    private Identifiers(RandomGenerator r) {
        this.r = r;
    }

    static void assign(Population population, SchoolCatalogue catalogue, Settings settings, Movements movements,
                       Seeds seeds) {
        Identifiers ids = new Identifiers(seeds.random("identifiers"));
        List<School> schools = catalogue.schools();
        List<School> firstSchools = schools.stream().filter(s -> s.phase() == Phase.PRIMARY
                || s.phase() == Phase.ALL_THROUGH).toList();
        for (Child c : population.children()) {
            School home = schools.get(population.homeSchool(c));
            int age = c.year.ageAtStartOfYear();
            int allocated = settings.academicYear() - Math.max(0, age - 4);
            String la = settings.la();
            String estab;
            if (!c.knownToLa) {
                la = Draw.one(ids.r, OTHER_LAS);
                estab = String.format("%04d", 2000 + ids.r.nextInt(900));
            } else if (home.phase() == Phase.SECONDARY || home.phase() == Phase.PRU || firstSchools.isEmpty()) {
                estab = (firstSchools.isEmpty() ? home : Draw.one(ids.r, firstSchools)).laestab().estab();
            } else {
                estab = home.laestab().estab();
            }
            c.upn = ids.permanent(la, estab, allocated);
            if (ids.r.nextDouble() < 0.025) {
                c.formerUpn = ids.r.nextBoolean()
                        ? Upn.composeTemporary(la, estab, allocated, ids.r.nextInt(100),
                                Upn.ALPHABET.charAt(ids.r.nextInt(Upn.ALPHABET.length()))).value()
                        : ids.permanent(Draw.one(ids.r, OTHER_LAS), String.format("%04d", 2000 + ids.r.nextInt(900)),
                                allocated);
            }
            if (age >= 14 && ids.r.nextDouble() < 0.75) {
                c.uln = ids.uln();
            }
        }
    }

    private String permanent(String la, String estab, int year) {
        String key = la + estab + year;
        for (int attempt = 0; ; attempt++) {
            int serial = serials.merge(key, 1 + (attempt == 0 ? 0 : r.nextInt(3)), Integer::sum);
            if (serial > 999) {
                // The school ran out of serials that year: another school in the same LA allocated it.
                estab = String.format("%04d", 2000 + r.nextInt(1999));
                key = la + estab + year;
                continue;
            }
            String upn = Upn.compose(la, estab, year, serial).value();
            if (used.add(upn)) {
                return upn;
            }
        }
    }

    private String uln() {
        while (true) {
            String stem = (1 + r.nextInt(9)) + String.format("%08d", r.nextInt(100_000_000));
            int check = Uln.checkDigit(stem);
            if (check >= 0 && used.add(stem + check)) {
                return stem + check;
            }
        }
    }
}
