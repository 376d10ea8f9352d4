package org.rollbridge.hub.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceGroup;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.Term;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery.Cohort;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery.Counts;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery.Figures;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery.Periods;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RunningHub;

/**
 * The overview's figures for many dates, for the LA and for a trust whose school joined part-way through the year,
 * against the same figures worked out here pupil by pupil from the marks themselves; and a CTF change of a pupil's
 * cohort flags shows in the next figures without any new marks.
 */
@HubTest
class AttendanceFiguresQueryIT {

    static final List<String> SCHOOLS = List.of("9262431", "9262432", "9264433");
    static final LocalDate JOINED = LocalDate.of(2025, 11, 3);
    static final String[] CODES = {"/", "/", "/", "/", "/", "/", "/", "L", "I", "N", "O", "M", "G", "E", "X", "#"};
    static RunningHub hub;
    static final List<Pupil> PUPILS = new ArrayList<>();
    static final List<Case> CASES = List.of(
            new Case(3, true, false, false, LocalDate.of(2025, 10, 1), LocalDate.of(2026, 2, 1)),
            new Case(7, false, true, false, null, null),
            new Case(12, false, false, true, LocalDate.of(2026, 1, 5), null),
            new Case(12, true, false, false, null, LocalDate.of(2025, 12, 1)));

    static final class Pupil {
        long id;
        String school;
        boolean lookedAfter;
        String sen;
        boolean fsm;
        char[] marks;
    }

    record Case(int pupil, boolean socialWorker, boolean lookedAfter, boolean childProtection, LocalDate start,
                LocalDate end) {
        boolean openOn(LocalDate day) {
            return (start == null || !start.isAfter(day)) && (end == null || end.isAfter(day));
        }
    }

    @BeforeAll
    static void seed() throws Exception {
        SplittableRandom random = new SplittableRandom(20251);
        for (String school : SCHOOLS) {
            hub.db().sql("insert into schools (la, laestab) values ('926', ?)").param(school).update();
        }
        for (int i = 0; i < 45; i++) {
            Pupil p = new Pupil();
            p.school = SCHOOLS.get(i % SCHOOLS.size());
            p.lookedAfter = i % 9 == 0;
            p.sen = i % 5 == 0 ? "E" : i % 5 == 1 ? "K" : i % 5 == 2 ? "S" : null;
            p.fsm = i % 4 == 0;
            p.id = hub.db().sql("insert into persons (la, register_id, origin) values ('926', ?, 'register') "
                    + "returning id").param("cohort-it-" + i).query(Long.class).single();
            hub.db().sql("""
                    insert into pupils (la, person_id, laestab, upn, record, batch_id)
                    values ('926', ?, ?, ?, ?::jsonb, gen_random_uuid())""")
                    .param(p.id).param(p.school).param("COHORTIT" + i).param(record(p)).update();
            // Pupils joining late, leaving early and missing a little or a lot.
            LocalDate from = LocalDate.of(2025, 9, 1).plusDays(i % 7 == 0 ? 60 : 0);
            LocalDate to = LocalDate.of(2026, 7, 22).minusDays(i % 11 == 0 ? 120 : 0);
            int absence = random.nextInt(4) == 0 ? 12 : 2;
            p.marks = YearMarks.empty();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                for (Session s : Session.values()) {
                    String code = random.nextInt(16) < absence ? CODES[8 + random.nextInt(6)]
                            : CODES[random.nextInt(CODES.length)];
                    p.marks[YearMarks.position(d, s)] = code.charAt(0);
                }
            }
            hub.db().sql("""
                    insert into attendance_years (la, person_id, laestab, academic_year, marks, batch_id)
                    values ('926', ?, ?, 2025, ?, '00000000-0000-0000-0000-000000000000')""")
                    .param(p.id).param(p.school).param(new String(p.marks)).update();
            PUPILS.add(p);
        }
        for (Case c : CASES) {
            hub.db().sql("""
                    insert into social_care_cases (la, person_id, social_worker, looked_after, child_protection,
                                                   start_date, end_date) values ('926', ?, ?, ?, ?, ?, ?)""")
                    .param(PUPILS.get(c.pupil()).id).param(c.socialWorker()).param(c.lookedAfter())
                    .param(c.childProtection()).param(c.start()).param(c.end()).update();
        }
        for (String school : SCHOOLS) {
            hub.bean(AttendanceTallies.class).retally(school);
        }
    }

    static final List<LocalDate> DATES = List.of(LocalDate.of(2025, 9, 5), LocalDate.of(2025, 10, 15),
            LocalDate.of(2025, 11, 5), LocalDate.of(2025, 12, 19), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 27),
            LocalDate.of(2026, 4, 7), LocalDate.of(2026, 7, 17), LocalDate.of(2026, 8, 20));

    @Test
    void everyDateGivesTheFiguresCountedPupilByPupilFromTheMarks() {
        Map<String, Period> la = new LinkedHashMap<>();
        SCHOOLS.forEach(s -> la.put(s, null));
        Map<String, Period> trust = new LinkedHashMap<>(la);
        trust.put(SCHOOLS.get(1), new Period(JOINED, LocalDate.of(2099, 1, 1)));
        AttendanceFiguresQuery attendance = hub.bean(AttendanceFiguresQuery.class);
        for (LocalDate date : DATES) {
            for (Map<String, Period> scope : List.of(la, trust)) {
                assertSame(attendance.figures(date, scope), expected(date, scope), date + " " + scope);
            }
        }
    }

    @Test
    void aPupilsNewFreeSchoolMealsShowWithoutNewMarks() {
        Map<String, Period> la = new LinkedHashMap<>();
        SCHOOLS.forEach(s -> la.put(s, null));
        AttendanceFiguresQuery attendance = hub.bean(AttendanceFiguresQuery.class);
        LocalDate date = LocalDate.of(2026, 2, 13);
        Figures before = attendance.figures(date, la);
        assertSame(before, expected(date, la), "before");
        Pupil p = PUPILS.stream().filter(x -> !x.fsm && x.school.equals(SCHOOLS.get(0))).findFirst().orElseThrow();
        p.fsm = true;
        hub.db().sql("update pupils set record = ?::jsonb where la = '926' and person_id = ? and laestab = ?")
                .param(record(p)).param(p.id).param(p.school).update();
        Figures after = attendance.figures(date, la);
        assertSame(after, expected(date, la), "after");
        assertThat(cohort(after, Cohort.FSM).year().pupils()).isEqualTo(cohort(before, Cohort.FSM).year().pupils() + 1);
    }

    @Test
    void theCountedWeeksHaveTheBoundsOfEveryDayOfTheirWeekForSchoolsCountedAllYear() {
        // A school whose bounds differ is counted from its tallies instead, which is exact but slow: this keeps
        // every date of every year (Easter moves the summer term) on the fast path.
        for (int y = 2023; y <= 2030; y++) {
            WeekBuckets weeks = new WeekBuckets(y);
            for (LocalDate d = LocalDate.of(y, 9, 1); !d.isAfter(LocalDate.of(y + 1, 7, 31)); d = d.plusDays(1)) {
                Period[] periods = AttendanceFiguresQuery.periods(weeks, d);
                int[] bounds = new int[6];
                for (int p = 0; p < 3; p++) {
                    System.arraycopy(AttendanceFiguresQuery.bounds(weeks, periods[p], null), 0, bounds, 2 * p, 2);
                }
                assertThat(bounds).as(d.toString()).containsExactly(CohortWeeks.standardBounds(weeks, weeks.of(d)));
            }
        }
    }

    private static void assertSame(Figures actual, Expected expected, String what) {
        assertThat(actual.total()).as(what + " total").isEqualTo(expected.total);
        Map<String, Periods> schools = new TreeMap<>();
        actual.schools().forEach(r -> schools.put(r.key(), r.periods()));
        assertThat(schools).as(what + " schools").isEqualTo(expected.schools);
        for (Cohort c : Cohort.values()) {
            assertThat(cohort(actual, c)).as(what + " " + c).isEqualTo(expected.cohorts.getOrDefault(c, NONE));
        }
        assertThat(actual.total().year().possible()).as(what + " has sessions").isPositive();
    }

    private static Periods cohort(Figures f, Cohort c) {
        return f.cohorts().stream().filter(r -> r.key().equals(c.name())).findFirst().orElseThrow().periods();
    }

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);
    static final Periods NONE = new Periods(ZERO, ZERO, ZERO);

    record Expected(Periods total, Map<String, Periods> schools, Map<Cohort, Periods> cohorts) {
    }

    /** Each pupil's sessions in the week of the date, the term and the year to the end of that week, from the marks. */
    private static Expected expected(LocalDate date, Map<String, Period> scope) {
        WeekBuckets weeks = new WeekBuckets(2025);
        LocalDate asOf = date.isAfter(LocalDate.of(2026, 7, 31)) ? LocalDate.of(2026, 7, 31) : date;
        int k = weeks.of(asOf);
        LocalDate end = weeks.end(k);
        Period[] periods = {new Period(weeks.start(k), end), new Period(Term.containing(asOf).dates().from(), end),
                new Period(LocalDate.of(2025, 9, 1), end)};
        Periods total = NONE;
        Map<String, Periods> schools = new TreeMap<>();
        Map<Cohort, Periods> cohorts = new HashMap<>();
        for (Pupil p : PUPILS) {
            Period member = scope.get(p.school);
            Counts[] counts = new Counts[3];
            for (int i = 0; i < 3; i++) {
                LocalDate from = periods[i].from();
                if (member != null && member.from().isAfter(from)) {
                    from = weeks.start(weeks.of(member.from()));
                }
                counts[i] = count(p, from, periods[i].to());
            }
            Periods mine = new Periods(counts[0], counts[1], counts[2]);
            total = total.plus(mine);
            schools.merge(p.school, mine, Periods::plus);
            int index = PUPILS.indexOf(p);
            List<Case> open = CASES.stream().filter(c -> c.pupil() == index && c.openOn(asOf)).toList();
            if (p.lookedAfter || open.stream().anyMatch(Case::lookedAfter)) {
                cohorts.merge(Cohort.LOOKED_AFTER, mine, Periods::plus);
            }
            if (open.stream().anyMatch(Case::socialWorker)) {
                cohorts.merge(Cohort.SOCIAL_WORKER, mine, Periods::plus);
            }
            if (open.stream().anyMatch(Case::childProtection)) {
                cohorts.merge(Cohort.CHILD_PROTECTION, mine, Periods::plus);
            }
            if (p.fsm) {
                cohorts.merge(Cohort.FSM, mine, Periods::plus);
            }
            if ("E".equals(p.sen)) {
                cohorts.merge(Cohort.EHCP, mine, Periods::plus);
            } else if ("K".equals(p.sen)) {
                cohorts.merge(Cohort.SEN_SUPPORT, mine, Periods::plus);
            }
        }
        return new Expected(total, schools, cohorts);
    }

    private static Counts count(Pupil p, LocalDate from, LocalDate to) {
        long possible = 0;
        long absent = 0;
        long unauthorised = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (Session s : Session.values()) {
                char ch = p.marks[YearMarks.position(d, s)];
                AttendanceGroup g = ch == YearMarks.NONE ? null : AttendanceTallies.group(ch, d).orElse(null);
                if (g != null && g.possible()) {
                    possible++;
                    absent += g.absence() ? 1 : 0;
                    unauthorised += g == AttendanceGroup.UNAUTHORISED_ABSENCE ? 1 : 0;
                }
            }
        }
        boolean reportable = possible >= 20;
        return new Counts(possible, absent, unauthorised, possible > 0 ? 1 : 0, reportable ? 1 : 0,
                reportable && absent * 10 >= possible ? 1 : 0, reportable && absent * 2 >= possible ? 1 : 0);
    }

    private static String record(Pupil p) {
        return """
                {"lookedAfter": {"inCare": %s}, "fsmHistory": %s, "senProvisions": %s}""".formatted(p.lookedAfter,
                p.fsm ? "[{\"start\":{\"text\":\"2024-09-01\"},\"end\":{\"text\":null}}]" : "[]",
                p.sen == null ? "[]" : "[{\"start\":{\"text\":\"2023-01-01\"},\"end\":{\"text\":null},"
                        + "\"provision\":{\"raw\":\"" + p.sen + "\"}}]");
    }
}
