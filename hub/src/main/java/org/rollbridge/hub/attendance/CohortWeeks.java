package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.Term;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.PupilFactsQuery;
import org.rollbridge.hub.store.CopyRows;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final HubProperties settings;
    private final JdbcClient db;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final TransactionLocks locks;
    private final PupilFactsQuery pupilFacts;

    public CohortWeeks(HubProperties settings, JdbcClient db, DataSource dataSource, TransactionTemplate tx,
                       TransactionLocks locks, PupilFactsQuery pupilFacts) {
        this.settings = settings;
        this.db = db;
        this.dataSource = dataSource;
        this.tx = tx;
        this.locks = locks;
        this.pupilFacts = pupilFacts;
    }

    /** The CTF cohort flags a school's pupils are grouped by; sen is "E", "K" or "" for any other provision. */
    public record Group(String laestab, boolean lookedAfter, String sen, boolean fsm) {
    }

    /** One pupil-year's running totals and CTF flags. */
    private record PupilTally(String laestab, short[] possible, short[] absent, short[] unauthorised,
                              boolean lookedAfter, String sen, boolean fsm) {
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
        WeekBuckets weeks = new WeekBuckets(academicYear);
        int first = weeks.of(LocalDate.of(academicYear, 9, 1));
        List<PupilTally> pupils = read(laestab, academicYear);
        db.sql("delete from attendance_cohort_weeks where la = ? and laestab = ? and academic_year = ?")
                .params(settings.la(), laestab, academicYear).update();
        try (CopyRows copy = CopyRows.inTransaction(dataSource, "attendance_cohort_weeks",
                "la, laestab, academic_year, week, looked_after, sen_provision, fsm, figures")) {
            // Each pupil's group looked up once; then every as-of week adds each pupil into its group's figures.
            Map<Group, Integer> index = new LinkedHashMap<>();
            int[] groupOf = new int[pupils.size()];
            for (int i = 0; i < pupils.size(); i++) {
                PupilTally t = pupils.get(i);
                groupOf[i] = index.computeIfAbsent(new Group(laestab, t.lookedAfter(), t.sen(), t.fsm()),
                        g -> index.size());
            }
            List<Group> groups = List.copyOf(index.keySet());
            for (int k = first; k < weeks.count(); k++) {
                int[] bounds = standardBounds(weeks, k);
                long[][] figures = new long[groups.size()][MEASURES];
                for (int i = 0; i < pupils.size(); i++) {
                    PupilTally t = pupils.get(i);
                    add(figures[groupOf[i]], t.possible(), t.absent(), t.unauthorised(), bounds);
                }
                for (int g = 0; g < groups.size(); g++) {
                    Group group = groups.get(g);
                    copy.field(settings.la()).field(laestab).field(academicYear).field(k)
                            .field(group.lookedAfter()).field(group.sen().isEmpty() ? " " : group.sen())
                            .field(group.fsm()).field(text(figures[g])).endRow();
                }
            }
        }
        db.sql("""
                insert into attendance_cohort_built (la, laestab, academic_year, version) values (?, ?, ?, ?)
                on conflict (la, laestab, academic_year) do update set version = excluded.version""")
                .params(settings.la(), laestab, academicYear, version).update();
    }

    /**
     * Counts again, each in a transaction of its own, the school-years whose rows are older than the school's
     * version (its pupils' flags changed, or its tallies were rewritten for another year).
     */
    public void bringUpToDate(Collection<String> schools, int academicYear) {
        for (String laestab : stale(schools, academicYear)) {
            tx.executeWithoutResult(s -> {
                locks.hold(SchoolLock.COHORT_WEEKS, laestab);
                // Checked again under the lock: another viewer may have just counted it.
                if (!stale(List.of(laestab), academicYear).isEmpty()) {
                    build(laestab, academicYear, version(laestab));
                }
            });
        }
    }

    /** The counted rows of these schools as of a week, by school and cohort flags. */
    public Map<Group, long[]> asOf(Collection<String> schools, int academicYear, int week) {
        Map<Group, long[]> out = new HashMap<>();
        db.sql("""
                select laestab, looked_after, sen_provision, fsm, figures::text from attendance_cohort_weeks
                where la = ? and laestab = any(?::char(7)[]) and academic_year = ? and week = ?""")
                .params(settings.la(), schools.toArray(String[]::new), academicYear, week)
                .query(rs -> {
                    out.put(new Group(rs.getString(1).strip(), rs.getBoolean(2), rs.getString(3).strip(),
                            rs.getBoolean(4)), numbers(rs.getString(5)));
                });
        return out;
    }

    /** Figures counted now from the tallies of schools with their own bounds (a trust's school for part of a year). */
    public Map<Group, long[]> counted(Map<String, int[]> bounds, int academicYear) {
        Map<Group, long[]> out = new HashMap<>();
        for (Map.Entry<String, int[]> s : bounds.entrySet()) {
            for (PupilTally t : read(s.getKey(), academicYear)) {
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
        db.sql("""
                select t.person_id, t.laestab, t.possible::text, t.absent::text, t.unauthorised::text,
                       coalesce(p.looked_after, false)
                from attendance_tallies t
                left join pupils p on p.la = t.la and p.person_id = t.person_id and p.laestab = t.laestab
                where t.la = ? and t.academic_year = ? and t.person_id = any(?) and t.laestab = any(?::char(7)[])""")
                .params(settings.la(), academicYear, open.keySet().toArray(Long[]::new),
                        bounds.keySet().toArray(String[]::new))
                .query(rs -> {
                    PupilFactsQuery.Care care = open.get(rs.getLong(1));
                    int[] b = bounds.get(rs.getString(2).strip());
                    short[] possible = shortArray(rs.getString(3));
                    short[] absent = shortArray(rs.getString(4));
                    short[] unauthorised = shortArray(rs.getString(5));
                    boolean[] in = {care.socialWorker(), care.childProtection(),
                        care.lookedAfter() && !rs.getBoolean(6)};
                    for (int i = 0; i < 3; i++) {
                        if (in[i]) {
                            add(out[i], possible, absent, unauthorised, b);
                        }
                    }
                });
        return out;
    }

    /** A school-year's tallies with each pupil's CTF flags (none for a pupil no longer on the roll). */
    private List<PupilTally> read(String laestab, int academicYear) {
        return db.sql("""
                select t.laestab, t.possible::text, t.absent::text, t.unauthorised::text,
                       coalesce(p.looked_after, false), p.sen_provision, coalesce(p.fsm, false)
                from attendance_tallies t
                left join pupils p on p.la = t.la and p.person_id = t.person_id and p.laestab = t.laestab
                where t.la = ? and t.laestab = ? and t.academic_year = ?""")
                .params(settings.la(), laestab, academicYear)
                .query((rs, n) -> {
                    String sen = rs.getString(6);
                    return new PupilTally(rs.getString(1).strip(), shortArray(rs.getString(2)),
                            shortArray(rs.getString(3)), shortArray(rs.getString(4)), rs.getBoolean(5),
                            "E".equals(sen) || "K".equals(sen) ? sen : "", rs.getBoolean(7));
                })
                .list();
    }

    private List<String> stale(Collection<String> schools, int academicYear) {
        return db.sql("""
                select v.laestab from attendance_tally_versions v
                left join attendance_cohort_built b on b.la = v.la and b.laestab = v.laestab and b.academic_year = ?
                where v.la = ? and v.laestab = any(?::char(7)[]) and b.version is distinct from v.version""")
                .params(academicYear, settings.la(), schools.toArray(String[]::new))
                .query((rs, n) -> rs.getString(1).strip()).list();
    }

    private long version(String laestab) {
        return db.sql("select version from attendance_tally_versions where la = ? and laestab = ?")
                .params(settings.la(), laestab).query(Long.class).optional().orElse(0L);
    }

    private static short[] shortArray(String text) {
        long[] values = numbers(text);
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (short) values[i];
        }
        return out;
    }

    /** The numbers of a PostgreSQL array's text form, {1,2,3}. */
    private static long[] numbers(String text) {
        String body = text.substring(1, text.length() - 1);
        if (body.isEmpty()) {
            return new long[0];
        }
        String[] parts = body.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }

    private static String text(long[] values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            b.append(i > 0 ? "," : "").append(values[i]);
        }
        return b.append('}').toString();
    }
}
