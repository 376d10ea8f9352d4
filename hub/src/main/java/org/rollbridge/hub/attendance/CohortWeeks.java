package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.Term;
import org.rollbridge.hub.access.PupilFactsQuery;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * attendance_cohort_weeks: each school's week, term and year figures for every week a date can fall in, by CTF
 * cohort flags, so that the overview for any date reads a few hundred rows instead of every pupil's tallies.
 * Counted in Java from the school's tallies (a few thousand pupils, each added once per as-of week) when
 * AttendanceTallies rewrites them, and again before reading when the school's version moved on without them (its
 * pupils' flags changed, or a year other than the one merged).
 *
 * <p>Figures are 21 numbers: for the week, the term to date and the year to date ({@link #WEEK}, {@link #TERM},
 * {@link #YEAR} offsets), possible, absent and unauthorised sessions, pupils with a possible session, pupils with
 * 20 or more, and of those the persistently (10%) and the severely (50%) absent.
 */
@Component
public class CohortWeeks {

    public static final int MEASURES = 21;
    public static final int WEEK = 0;
    public static final int TERM = 7;
    public static final int YEAR = 14;

    private final CohortWeekStore store;
    private final CohortWeekQuery query;
    private final TallyQuery tallies;
    private final TransactionTemplate tx;
    private final TransactionLocks locks;
    private final PupilFactsQuery pupilFacts;

    public CohortWeeks(CohortWeekStore store, CohortWeekQuery query, TallyQuery tallies, TransactionTemplate tx,
                       TransactionLocks locks, PupilFactsQuery pupilFacts) {
        this.store = store;
        this.query = query;
        this.tallies = tallies;
        this.tx = tx;
        this.locks = locks;
        this.pupilFacts = pupilFacts;
    }

    /** The CTF cohort flags a school's pupils are grouped by; sen is "E", "K" or "" for any other provision. */
    public record Group(String laestab, boolean lookedAfter, String sen, boolean fsm) {
    }

    /**
     * Array bounds [low, high) of the week, the term to date and the year to date as of a week (the week's own
     * dates count whole), as the overview uses them for a school counted the whole year.
     */
    public static int[] standardBounds(WeekBuckets weeks, int asOfWeek) {
        LocalDate yearStart = LocalDate.of(weeks.academicYear(), 9, 1);
        LocalDate day = weeks.start(asOfWeek).isBefore(yearStart) ? yearStart : weeks.start(asOfWeek);
        int termStart = weeks.of(Term.containing(day).dates().from());
        return new int[] {asOfWeek + 1, asOfWeek + 2, termStart + 1, asOfWeek + 2, weeks.of(yearStart) + 1,
                asOfWeek + 2};
    }

    /** Adds one pupil's figures for the periods {@code bounds} (week, term, year; low and high each). */
    public static void add(long[] into, short[] possible, short[] absent, short[] unauthorised, int[] bounds) {
        for (int p = 0; p < 3; p++) {
            int low = bounds[2 * p] - 1;
            int high = bounds[2 * p + 1] - 1;
            int pos = possible[high] - possible[low];
            int abs = absent[high] - absent[low];
            int o = 7 * p;
            into[o] += pos;
            into[o + 1] += abs;
            into[o + 2] += unauthorised[high] - unauthorised[low];
            if (pos > 0) {
                into[o + 3]++;
            }
            if (pos >= PupilAttendance.MINIMUM_POSSIBLE_SESSIONS) {
                into[o + 4]++;
                if (abs * 10 >= pos) {
                    into[o + 5]++;
                }
                if (abs * 2 >= pos) {
                    into[o + 6]++;
                }
            }
        }
    }

    /** Counts one school-year's rows again from its tallies, in the caller's transaction, at {@code version}. */
    public void build(String laestab, int academicYear, long version) {
        locks.hold(SchoolLock.COHORT_WEEKS, laestab);
        build(laestab, academicYear, version, query.tallies(laestab, academicYear));
    }

    /** As above, from the school-year's tallies as the caller has just read them ({@link CohortWeekQuery#tallies}). */
    void build(String laestab, int academicYear, long version, List<CohortWeekQuery.PupilTally> pupils) {
        locks.hold(SchoolLock.COHORT_WEEKS, laestab);
        WeekBuckets weeks = WeekBuckets.forYear(academicYear);
        int first = weeks.of(LocalDate.of(academicYear, 9, 1));
        List<CohortWeekStore.Row> rows = new ArrayList<>();
        // Each pupil's group looked up once; then every as-of week adds each pupil into its group's figures.
        Map<Group, Integer> index = new LinkedHashMap<>();
        int[] groupOf = new int[pupils.size()];
        for (int i = 0; i < pupils.size(); i++) {
            CohortWeekQuery.PupilTally t = pupils.get(i);
            groupOf[i] = index.computeIfAbsent(new Group(laestab, t.lookedAfter(), t.sen(), t.fsm()),
                    g -> index.size());
        }
        List<Group> groups = List.copyOf(index.keySet());
        for (int k = first; k < weeks.count(); k++) {
            int[] bounds = standardBounds(weeks, k);
            long[][] figures = new long[groups.size()][MEASURES];
            for (int i = 0; i < pupils.size(); i++) {
                CohortWeekQuery.PupilTally t = pupils.get(i);
                add(figures[groupOf[i]], t.possible(), t.absent(), t.unauthorised(), bounds);
            }
            for (int g = 0; g < groups.size(); g++) {
                rows.add(new CohortWeekStore.Row(k, groups.get(g), figures[g]));
            }
        }
        store.replace(laestab, academicYear, version, rows);
    }

    /**
     * Counts again, each in a transaction of its own, the school-years whose rows are older than the school's
     * version (its pupils' flags changed, or its tallies were rewritten for another year).
     */
    public void bringUpToDate(Collection<String> schools, int academicYear) {
        for (String laestab : query.stale(schools, academicYear)) {
            tx.executeWithoutResult(s -> {
                locks.hold(SchoolLock.COHORT_WEEKS, laestab);
                // Checked again under the lock: another viewer may have just counted it.
                if (!query.stale(List.of(laestab), academicYear).isEmpty()) {
                    build(laestab, academicYear, tallies.version(laestab));
                }
            });
        }
    }

    /** The counted rows of these schools as of a week, by school and cohort flags. */
    public Map<Group, long[]> asOf(Collection<String> schools, int academicYear, int week) {
        return query.asOf(schools, academicYear, week);
    }

    /** Figures counted now from the tallies of schools with their own bounds (a trust's school for part of a year). */
    public Map<Group, long[]> counted(Map<String, int[]> bounds, int academicYear) {
        Map<Group, long[]> out = new HashMap<>();
        for (Map.Entry<String, int[]> s : bounds.entrySet()) {
            for (CohortWeekQuery.PupilTally t : query.tallies(s.getKey(), academicYear)) {
                add(out.computeIfAbsent(new Group(s.getKey(), t.lookedAfter(), t.sen(), t.fsm()),
                        g -> new long[MEASURES]), t.possible(), t.absent(), t.unauthorised(), s.getValue());
            }
        }
        return out;
    }

    /**
     * Figures of the pupils with a case open on {@code day} in children's social care's list, by school and
     * whether the CTF says looked after, for the social worker, child protection and looked-after breakdowns:
     * [0] social worker, [1] child protection, [2] looked after by social care but not by the CTF.
     */
    public long[][] socialCare(Map<String, int[]> bounds, int academicYear, LocalDate day) {
        long[][] out = new long[3][MEASURES];
        if (bounds.isEmpty()) {
            return out;
        }
        Map<Long, PupilFactsQuery.Care> open = pupilFacts.openCases(day);
        if (open.isEmpty()) {
            return out;
        }
        for (CohortWeekQuery.PupilTally t : query.tallies(open.keySet(), bounds.keySet(), academicYear)) {
            PupilFactsQuery.Care care = open.get(t.person());
            boolean[] in = {care.socialWorker(), care.childProtection(), care.lookedAfter() && !t.lookedAfter()};
            for (int i = 0; i < 3; i++) {
                if (in[i]) {
                    add(out[i], t.possible(), t.absent(), t.unauthorised(), bounds.get(t.laestab()));
                }
            }
        }
        return out;
    }
}
