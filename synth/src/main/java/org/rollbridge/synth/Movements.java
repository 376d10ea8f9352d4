package org.rollbridge.synth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.code.NcYear;

/**
 * Movement through the year: every child's admission, and the few who join late, leave for another school in or out
 * of the LA, vanish (children missing education), are dual registered, are permanently excluded, go part-time or
 * stop attending for weeks. Decided once for the whole LA, so a mover's two schools agree.
 */
final class Movements {

    private final List<List<Enrolment>> bySchool;
    private final List<Event> events;

    private Movements(List<List<Enrolment>> bySchool, List<Event> events) {
        this.bySchool = bySchool;
        this.events = events;
    }

    List<Enrolment> at(School s) {
        return bySchool.get(s.index());
    }

    List<Event> events() {
        return events;
    }

    static Movements plan(Settings settings, SchoolCatalogue catalogue, Population population, TermDates terms,
                          Seeds seeds) {
        RandomGenerator r = seeds.random("movements");
        List<School> schools = catalogue.schools();
        List<List<Enrolment>> bySchool = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            bySchool.add(new ArrayList<>());
        }
        List<Event> events = new ArrayList<>();
        List<LocalDate> termDays = new ArrayList<>();
        for (LocalDate d = settings.from(); !d.isAfter(settings.to()); d = d.plusDays(1)) {
            if (terms.termDay(d)) {
                termDays.add(d);
            }
        }
        LocalDate firstDay = termDays.get(0);
        LocalDate previous = settings.previousSnapshot();
        List<Enrolment> base = new ArrayList<>();
        for (Child c : population.children()) {
            School s = schools.get(population.homeSchool(c));
            Enrolment e = new Enrolment(c, s, admission(c, s, settings.academicYear(), r));
            bySchool.get(s.index()).add(e);
            base.add(e);
        }
        double f = Math.min(1.0, (settings.to().toEpochDay() - settings.from().toEpochDay()) / 320.0);
        int n = base.size();
        boolean[] moved = new boolean[n];
        List<Integer> order = shuffled(n, r);
        int cursor = 0;

        // Children missing education: on roll at the earlier snapshot, on no roll at the end.
        List<LocalDate> lateDays = termDays.stream().filter(d -> d.isAfter(previous) && d.isBefore(settings.to())).toList();
        int cme = Math.max(1, (int) Math.round(n * 0.0025 * f));
        for (int k = 0, tries = 0; k < cme && !lateDays.isEmpty() && tries < n; tries++) {
            int idx = order.get(cursor++ % n);
            Enrolment e = base.get(idx);
            if (moved[idx] || !e.child.compulsory() || e.school.phase() == Phase.PRU) {
                continue;
            }
            moved[idx] = true;
            e.end = Draw.one(r, lateDays);
            e.leavingDestination = "Not known";
            int before = termDays.indexOf(e.end);
            if (before >= 12) {
                e.streakFrom = termDays.get(before - 10 - r.nextInt(3));
                e.streakDays = 10 + r.nextInt(3);
            }
            events.add(new Event(EventKind.LEFT_NO_DESTINATION, e.child, e.school.code(), e.end, null,
                    "removed from roll; destination not known"));
            k++;
        }
        cursor = pick(base, moved, order, cursor, (int) Math.round(n * 0.012 * f), e -> true, e -> {
            e.end = Draw.one(r, termDays.subList(5, termDays.size() - 1));
            String la = Draw.one(r, new String[] {"935", "873", "941", "330", "211", "850", "937"});
            e.leavingDestination = "Moved out of the LA (" + la + ")";
            events.add(new Event(EventKind.LEFT_OUT_OF_LA, e.child, e.school.code(), e.end, null,
                    "destination LA " + la));
        });
        cursor = pick(base, moved, order, cursor, (int) Math.round(n * 0.010 * f), e -> true, e -> {
            List<School> options = schools.stream().filter(s -> s != e.school && s.teaches(e.child.year)
                    && s.phase() != Phase.PRU && (s.phase() == Phase.SPECIAL) == (e.school.phase() == Phase.SPECIAL)).toList();
            if (options.isEmpty()) {
                return;
            }
            School to = Draw.one(r, options);
            int i = 5 + r.nextInt(termDays.size() - 8);
            e.end = termDays.get(i);
            e.leavingDestination = "Transferred to " + to.code();
            Enrolment joined = new Enrolment(e.child, to, termDays.get(Math.min(termDays.size() - 1, i + 1 + r.nextInt(3))));
            joined.nonStandardJoin = true;
            bySchool.get(to.index()).add(joined);
            events.add(new Event(EventKind.LEFT_TO_SCHOOL, e.child, e.school.code(), e.end, null, to.code()));
            events.add(new Event(EventKind.JOINED_NON_STANDARD, e.child, to.code(), joined.start, null,
                    "from " + e.school.code()));
        });
        cursor = pick(base, moved, order, cursor, (int) Math.round(n * 0.02 * f), e -> e.school.phase() != Phase.NURSERY, e -> {
            e.start = termDays.get(3 + r.nextInt(termDays.size() - 6));
            e.nonStandardJoin = true;
            e.child.knownToLa = r.nextDouble() < 0.15;
            events.add(new Event(EventKind.JOINED_NON_STANDARD, e.child, e.school.code(), e.start, null,
                    "from outside the LA"));
        });
        List<School> units = schools.stream().filter(s -> s.phase() == Phase.PRU).toList();
        if (!units.isEmpty()) {
            cursor = pick(base, moved, order, cursor, Math.max(1, (int) Math.round(n * 0.003)),
                    e -> e.child.compulsory() && e.child.year.ageAtStartOfYear() >= 9
                            && (e.school.phase() == Phase.PRIMARY || e.school.phase() == Phase.SECONDARY
                            || e.school.phase() == Phase.ALL_THROUGH), e -> {
                School unit = Draw.one(r, units);
                e.status = EnrolStatus.M;
                e.dualFrom = termDays.get(r.nextInt(Math.max(1, termDays.size() / 2)));
                e.subsidiaryDays = r.nextBoolean() ? (1 << 2) | (1 << 4) : (1 << 3) | (1 << 5);
                Enrolment sub = new Enrolment(e.child, unit, e.dualFrom);
                sub.status = EnrolStatus.S;
                sub.dualFrom = e.dualFrom;
                sub.subsidiaryDays = e.subsidiaryDays;
                sub.nonStandardJoin = true;
                bySchool.get(unit.index()).add(sub);
                events.add(new Event(EventKind.DUAL_REGISTERED, e.child, e.school.code(), e.dualFrom, null,
                        "subsidiary at " + unit.code() + " on " + days(e.subsidiaryDays)));
            });
            cursor = pick(base, moved, order, cursor, Math.max(1, (int) Math.round(n * 0.0008 * f)),
                    e -> e.child.year.ageAtStartOfYear() >= 11 && e.child.year.ageAtStartOfYear() <= 15
                            && e.school.phase() != Phase.PRU && e.school.phase() != Phase.SPECIAL
                            && e.child.propensity > 0.04, e -> {
                int i = 10 + r.nextInt(Math.max(1, termDays.size() - 40));
                e.permanentExclusion = termDays.get(i);
                e.exclusionReason = Draw.one(r, new ExclusionReason[] {ExclusionReason.PD, ExclusionReason.PD,
                        ExclusionReason.PA, ExclusionReason.WP, ExclusionReason.DA, ExclusionReason.VA,
                        ExclusionReason.PP});
                e.appealReceived = r.nextDouble() < 0.4;
                e.reinstated = e.appealReceived && r.nextDouble() < 0.2;
                events.add(new Event(EventKind.PERMANENT_EXCLUSION, e.child, e.school.code(), e.permanentExclusion,
                        null, e.exclusionReason.code() + (e.reinstated ? " reinstated" : "")));
                if (!e.reinstated) {
                    // Off roll once the governing board has considered it; the LA's unit takes the pupil.
                    e.end = termDays.get(Math.min(termDays.size() - 1, i + 15));
                    e.leavingDestination = "Permanently excluded";
                    School unit = Draw.one(r, units);
                    LocalDate joinedOn = termDays.get(Math.min(termDays.size() - 1, i + 16));
                    if (joinedOn.isAfter(e.end)) {
                        Enrolment joined = new Enrolment(e.child, unit, joinedOn);
                        joined.nonStandardJoin = true;
                        bySchool.get(unit.index()).add(joined);
                        events.add(new Event(EventKind.LEFT_TO_SCHOOL, e.child, e.school.code(), e.end, null, unit.code()));
                        events.add(new Event(EventKind.JOINED_NON_STANDARD, e.child, unit.code(), joinedOn, null,
                                "after permanent exclusion from " + e.school.code()));
                    }
                }
            });
        }
        cursor = pick(base, moved, order, cursor, Math.max(1, (int) Math.round(n * 0.004)),
                e -> e.child.compulsory() && e.school.phase() != Phase.NURSERY, e -> {
            int i = r.nextInt(Math.max(1, termDays.size() - 30));
            e.partTimeFrom = termDays.get(i);
            e.partTimeTo = termDays.get(Math.min(termDays.size() - 1, i + 20 + r.nextInt(40)));
            events.add(new Event(EventKind.PART_TIME, e.child, e.school.code(), e.partTimeFrom, e.partTimeTo,
                    "afternoons on a part-time timetable (C2)"));
        });
        pick(base, moved, order, cursor, Math.max(1, (int) Math.round(n * 0.003)),
                e -> e.child.compulsory() && e.school.phase() != Phase.NURSERY, e -> {
            int i = r.nextInt(Math.max(1, termDays.size() - 26));
            e.streakFrom = termDays.get(i);
            e.streakDays = 10 + r.nextInt(15);
        });
        for (List<Enrolment> list : bySchool) {
            list.sort(java.util.Comparator.comparing((Enrolment e) -> e.child.surname)
                    .thenComparing(e -> e.child.forename).thenComparingInt(e -> e.child.id).thenComparing(e -> e.start));
        }
        TrustMembership changed = catalogue.changedFrom();
        if (changed != null) {
            events.add(new Event(EventKind.TRUST_CHANGE, null, changed.laestab(), changed.to().plusDays(1), null,
                    changed.trust().id() + " -> " + catalogue.memberships().stream()
                            .filter(m -> m.laestab().equals(changed.laestab()) && m.to() == null)
                            .findFirst().orElseThrow().trust().id()));
        }
        if (firstDay == null) {
            throw new IllegalStateException("the period has no school days");
        }
        return new Movements(bySchool, events);
    }

    private interface Plan {
        void apply(Enrolment e);
    }

    private static int pick(List<Enrolment> base, boolean[] moved, List<Integer> order, int cursor, int count,
                            java.util.function.Predicate<Enrolment> eligible, Plan plan) {
        int done = 0;
        int tries = 0;
        while (done < count && tries < base.size()) {
            int i = order.get(cursor++ % base.size());
            tries++;
            Enrolment e = base.get(i);
            if (moved[i] || !eligible.test(e)) {
                continue;
            }
            moved[i] = true;
            plan.apply(e);
            done++;
        }
        return cursor;
    }

    private static List<Integer> shuffled(int n, RandomGenerator r) {
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            l.set(i, l.set(j, l.get(i)));
        }
        return l;
    }

    private static String days(int mask) {
        StringBuilder b = new StringBuilder();
        for (int d = 1; d <= 5; d++) {
            if ((mask & (1 << d)) != 0) {
                b.append(b.isEmpty() ? "" : "+").append(DayOfWeek.of(d).name().substring(0, 3));
            }
        }
        return b.toString();
    }

    /** The day the child joined: the start of the autumn term of the school's entry year, or any day since for some. */
    private static LocalDate admission(Child c, School s, int academicYear, RandomGenerator r) {
        NcYear entry = s.years().get(0);
        int yearsAgo = Math.max(0, c.year.ageAtStartOfYear() - entry.ageAtStartOfYear());
        if (s.phase() == Phase.SPECIAL || s.phase() == Phase.PRU || r.nextDouble() < 0.12) {
            yearsAgo = r.nextInt(yearsAgo + 1);
            LocalDate start = TermDates.of(academicYear - yearsAgo).terms().get(0)[0];
            LocalDate d = start.plusDays(r.nextInt(yearsAgo == 0 ? 1 : 300));
            while (d.getDayOfWeek().getValue() >= 6) {
                d = d.plusDays(1);
            }
            return d;
        }
        return TermDates.of(academicYear - yearsAgo).terms().get(0)[0];
    }
}
