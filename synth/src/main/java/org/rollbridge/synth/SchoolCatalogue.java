package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.identity.Laestab;

/**
 * The LA's schools: every phase, maintained schools and academies in trusts, with establishment numbers in the ranges
 * England uses and one academy that changes trust during the period.
 */
public final class SchoolCatalogue {

    private static final String[] PRIMARY_PREFIX = {"", "St Mary's CE ", "St Andrew's CE ", "Hillside ", "Kingsway ",
            "Church Road ", "Woodland ", "St Peter's CE ", "Heathfield ", "Millfield ", "Queen's Hill ", "Brook ",
            "Holy Trinity CE ", "St Edmund's RC ", "Meadow ", "Parkside ", "Valley ", "Greenfields ", "Orchard ",
            "Riverside ", "Elm Tree ", "St John's CE ", "Mill Lane ", "Oak Grove ", "Beacon ", "Fen Rivers "};
    private static final String[] SECONDARY_NAME = {"High School", "Academy", "Community College", "School",
            "Sixth Form Academy", "Church of England Academy", "High School and Sixth Form", "College"};
    private static final String[] TRUST_NAME = {"Wensum", "Broadland", "Yare Valley", "Saxon", "Boudica", "Cathedral",
            "Marsh Harrier", "Heritage", "Unity", "Evolve", "Sapientia", "Rose", "Flegg", "Nelson", "Kingfisher",
            "Acorn", "Beacon", "Compass", "Enrich", "Inspiration", "Clarion", "Horizon", "Lighthouse", "Pathway"};

    private final List<School> schools;
    private final List<Trust> trusts;
    private final List<TrustMembership> memberships;
    private final TrustMembership changedFrom;

    private SchoolCatalogue(List<School> schools, List<Trust> trusts, List<TrustMembership> memberships,
                            TrustMembership changedFrom) {
        this.schools = schools;
        this.trusts = trusts;
        this.memberships = memberships;
        this.changedFrom = changedFrom;
    }

    public List<School> schools() {
        return schools;
    }

    public List<Trust> trusts() {
        return trusts;
    }

    public List<TrustMembership> memberships() {
        return memberships;
    }

    /** The membership that ended when an academy moved trust, or null when the LA has too few academies. */
    TrustMembership changedFrom() {
        return changedFrom;
    }

    /** The trust an academy belongs to on a date, or null for a maintained school. */
    Trust trustOn(School s, LocalDate date) {
        for (TrustMembership m : memberships) {
            if (m.laestab().equals(s.code()) && m.coversDate(date)) {
                return m.trust();
            }
        }
        return null;
    }

    static SchoolCatalogue build(Settings settings, LaArea area, Seeds seeds) {
        RandomGenerator r = seeds.random("schools");
        Map<Phase, Integer> counts = counts(settings.schools());
        List<School> schools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<Integer, Integer> nextEstab = new java.util.TreeMap<>();
        int urn = 120000 + r.nextInt(9000);
        int academyUrn = 136000 + r.nextInt(9000);
        for (Phase phase : Phase.values()) {
            for (int i = 0; i < counts.get(phase); i++) {
                SchoolType type = type(phase, r);
                // Voluntary primaries and secondaries take the 3xxx and 5xxx ranges, as in England.
                boolean voluntary = type == SchoolType.VOLUNTARY_AIDED || type == SchoolType.VOLUNTARY_CONTROLLED;
                int base = phase.firstEstab() + (voluntary ? 1000 : 0);
                int estab = nextEstab.getOrDefault(base, base + 1 + r.nextInt(10));
                nextEstab.put(base, estab + 1 + r.nextInt(phase == Phase.PRIMARY ? 4 : 3));
                estab = uniqueEstab(estab, schools);
                Locality loc = Draw.one(r, area.localities());
                String name = uniqueName(phase, loc, r, names);
                LocalDate open = type.academy()
                        ? LocalDate.of(2011 + r.nextInt(14), 1 + r.nextInt(12), 1)
                        : LocalDate.of(1950 + r.nextInt(60), 9, 1);
                int thisUrn = type.academy() ? (academyUrn += 1 + r.nextInt(40)) : (urn += 1 + r.nextInt(40));
                schools.add(new School(schools.size(), new Laestab(settings.la(), String.format("%04d", estab)),
                        String.valueOf(thisUrn), name, phase, type, Postcodes.inward(loc, r), loc, open,
                        years(phase, r), weight(phase, r)));
            }
        }
        return withTrusts(settings, schools, r);
    }

    private static int uniqueEstab(int estab, List<School> schools) {
        Set<String> used = new HashSet<>();
        for (School s : schools) {
            used.add(s.laestab().estab());
        }
        while (used.contains(String.format("%04d", estab))) {
            estab++;
        }
        return estab;
    }

    /** School counts by phase: each phase's share of England's schools, every phase present when there is room. */
    static Map<Phase, Integer> counts(int n) {
        Map<Phase, Integer> c = new EnumMap<>(Phase.class);
        int budget = n - 1;
        for (Phase p : new Phase[] {Phase.SECONDARY, Phase.SPECIAL, Phase.PRU, Phase.NURSERY, Phase.ALL_THROUGH}) {
            int k = Math.min(budget, Math.max(1, (int) Math.floor(n * p.shareOfSchools())));
            c.put(p, k);
            budget -= k;
        }
        c.put(Phase.PRIMARY, budget + 1);
        return c;
    }

    private static SchoolType type(Phase phase, RandomGenerator r) {
        double x = r.nextDouble();
        return switch (phase) {
            case NURSERY -> SchoolType.LA_NURSERY;
            case PRIMARY -> x < 0.30 ? SchoolType.COMMUNITY : x < 0.42 ? SchoolType.VOLUNTARY_CONTROLLED
                    : x < 0.50 ? SchoolType.VOLUNTARY_AIDED : x < 0.54 ? SchoolType.FOUNDATION
                    : x < 0.88 ? SchoolType.ACADEMY_CONVERTER : x < 0.97 ? SchoolType.ACADEMY_SPONSOR_LED
                    : SchoolType.FREE_SCHOOL;
            case SECONDARY, ALL_THROUGH -> x < 0.12 ? SchoolType.COMMUNITY : x < 0.18 ? SchoolType.FOUNDATION
                    : x < 0.70 ? SchoolType.ACADEMY_CONVERTER : x < 0.92 ? SchoolType.ACADEMY_SPONSOR_LED
                    : SchoolType.FREE_SCHOOL;
            case SPECIAL -> x < 0.45 ? SchoolType.COMMUNITY_SPECIAL : SchoolType.ACADEMY_SPECIAL;
            case PRU -> x < 0.5 ? SchoolType.PUPIL_REFERRAL_UNIT : SchoolType.ACADEMY_ALTERNATIVE_PROVISION;
        };
    }

    private static String uniqueName(Phase phase, Locality loc, RandomGenerator r, Set<String> used) {
        for (int attempt = 0; ; attempt++) {
            String place = loc.place();
            String name = switch (phase) {
                case NURSERY -> place + " Nursery School";
                case PRIMARY -> Draw.one(r, PRIMARY_PREFIX) + place + (r.nextInt(5) == 0 ? " Infant and Junior" : "")
                        + " Primary School";
                case SECONDARY -> place + " " + Draw.one(r, SECONDARY_NAME);
                case ALL_THROUGH -> place + " All-through Academy";
                case SPECIAL -> Draw.one(r, new String[] {"Fred Nicholson", "Chapel Green", "Churchill Park",
                        "Sidestrand Hall", "Eaton Hall", "John Grant", "Parkside", "Harford Manor"}) + " School";
                case PRU -> place + " Short Stay School";
            };
            if (attempt > 3) {
                name = name + " " + (attempt - 2);
            }
            if (used.add(name)) {
                return name;
            }
        }
    }

    private static List<NcYear> years(Phase phase, RandomGenerator r) {
        List<NcYear> y = new ArrayList<>(phase.years());
        if (phase == Phase.PRIMARY && r.nextInt(10) < 3) {
            y.add(0, NcYear.N2);
        }
        if (phase == Phase.SECONDARY && r.nextInt(10) < 4) {
            y.remove(NcYear.Y13);
            y.remove(NcYear.Y12);
        }
        return List.copyOf(y);
    }

    private static double weight(Phase phase, RandomGenerator r) {
        return switch (phase) {
            case NURSERY -> 0.4 + 0.3 * r.nextDouble();
            case PRIMARY -> 0.45 + 1.4 * r.nextDouble();
            case SECONDARY -> 3.5 + 4.0 * r.nextDouble();
            case ALL_THROUGH -> 6.0 + 2.0 * r.nextDouble();
            case SPECIAL -> 0.4 + 0.3 * r.nextDouble();
            case PRU -> 0.15 + 0.1 * r.nextDouble();
        };
    }

    /** Academies join trusts of two to eight; one academy in a multi-academy trust moves to another on a date. */
    private static SchoolCatalogue withTrusts(Settings settings, List<School> schools, RandomGenerator r) {
        List<Trust> trusts = new ArrayList<>();
        List<TrustMembership> memberships = new ArrayList<>();
        List<School> academies = schools.stream().filter(s -> s.type().academy()).toList();
        Trust current = null;
        int left = 0;
        for (School s : academies) {
            if (left == 0) {
                String id = String.format("TR%05d", 2000 + trusts.size() * 37 + r.nextInt(30));
                String name = TRUST_NAME[trusts.size() % TRUST_NAME.length]
                        + (trusts.size() >= TRUST_NAME.length ? " " + (trusts.size() / TRUST_NAME.length + 1) : "")
                        + (r.nextBoolean() ? " Academy Trust" : " Multi-Academy Trust");
                current = new Trust(id, name);
                trusts.add(current);
                left = 2 + r.nextInt(7);
            }
            memberships.add(new TrustMembership(s.code(), current, s.openFrom(), null));
            left--;
        }
        TrustMembership changed = null;
        if (trusts.size() >= 2) {
            // An academy of the first trust with a sister school moves to the last trust on the first of a month.
            Trust fromTrust = trusts.get(0);
            Trust toTrust = trusts.get(trusts.size() - 1);
            List<TrustMembership> candidates = memberships.stream().filter(m -> m.trust() == fromTrust).toList();
            if (candidates.size() >= 2 && fromTrust != toTrust) {
                TrustMembership m = candidates.get(candidates.size() - 1);
                LocalDate mid = settings.from().plusDays((settings.to().toEpochDay() - settings.from().toEpochDay()) / 2);
                LocalDate day = mid.withDayOfMonth(1);
                if (!day.isAfter(settings.from())) {
                    day = day.plusMonths(1);
                }
                int i = memberships.indexOf(m);
                changed = new TrustMembership(m.laestab(), fromTrust, m.from(), day.minusDays(1));
                memberships.set(i, changed);
                memberships.add(i + 1, new TrustMembership(m.laestab(), toTrust, day, null));
            }
        }
        return new SchoolCatalogue(List.copyOf(schools), List.copyOf(trusts), List.copyOf(memberships), changed);
    }
}
