package org.rollbridge.hub.attendance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each school's sessions by week (attendance_school_weeks, kept by {@link AttendanceTallies}). */
@Component
public class SchoolWeeksQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public SchoolWeeksQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Possible, absent and unauthorised sessions in one week ({@link WeekBuckets}) of the year. */
    public record WeekTotals(int week, long possible, long absent, long unauthorised) {
    }

    /** The weeks of an academic year in which the school recorded a possible session. */
    public Set<Integer> openWeeks(String laestab, int academicYear) {
        return new HashSet<>(db.sql("""
                select week from attendance_school_weeks
                where la = ? and laestab = ? and academic_year = ? and possible > 0""")
                .params(settings.la(), laestab, academicYear).query(Integer.class).list());
    }

    /**
     * The schools' totals per week with a possible session, in week order, each school counted only within its
     * own array bounds [low, high) of the weeks (as the tallies index them: week k is k + 1).
     */
    public List<WeekTotals> totals(int academicYear, List<String> schools, int[] low, int[] high) {
        return db.sql("""
                select w.week, sum(w.possible), sum(w.absent), sum(w.unauthorised)
                from attendance_school_weeks w
                join unnest(?::text[], ?::int[], ?::int[]) as s(laestab, yl, yh) on s.laestab = w.laestab
                where w.la = ? and w.academic_year = ? and w.week + 1 >= s.yl and w.week + 2 <= s.yh
                group by w.week having sum(w.possible) > 0 order by w.week""")
                .params(schools.toArray(String[]::new), boxed(low), boxed(high), settings.la(), academicYear)
                .query((rs, n) -> new WeekTotals(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private static Integer[] boxed(int[] values) {
        Integer[] out = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
