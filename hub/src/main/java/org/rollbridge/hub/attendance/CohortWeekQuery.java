package org.rollbridge.hub.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.attendance.CohortWeeks.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what {@link CohortWeeks} counts from and has counted: pupils' tallies with their CTF flags, and its rows. */
@Component
public class CohortWeekQuery {

    private final HubProperties settings;
    private final JdbcClient db;

    public CohortWeekQuery(HubProperties settings, JdbcClient db) {
        this.settings = settings;
        this.db = db;
    }

    /** One pupil-year's running totals and CTF flags (none for a pupil no longer on the roll). */
    record PupilTally(long person, String laestab, short[] possible, short[] absent, short[] unauthorised,
                      boolean lookedAfter, String sen, boolean fsm) {
    }

    /**
     * Each tally's pupil record looked up by its primary key (LIMIT 1: the key is unique, and the limit keeps the
     * lookup per row rather than a join the planner may turn into a scan). pupils has no index by school, so a
     * join planned on statistics taken when the LA had fewer schools read the whole table for each school's
     * merge: 5,049 pages for one school's 2,000 pupils at 30,000 pupils, growing with the LA (docs/performance.md).
     */
    private static final String TALLIES = """
            select t.person_id, t.laestab, t.possible::text, t.absent::text, t.unauthorised::text,
                   coalesce(p.looked_after, false), p.sen_provision, coalesce(p.fsm, false)
            from attendance_tallies t
            left join lateral (select p.looked_after, p.sen_provision, p.fsm from pupils p
                               where p.la = t.la and p.person_id = t.person_id and p.laestab = t.laestab
                               limit 1) p on true
            """;

    /** A school-year's tallies. */
    List<PupilTally> tallies(String laestab, int academicYear) {
        return db.sql(TALLIES + "where t.la = ? and t.laestab = ? and t.academic_year = ?")
                .params(settings.la(), laestab, academicYear).query((rs, n) -> pupilTally(rs)).list();
    }

    /** The tallies of these people at these schools in a year. */
    List<PupilTally> tallies(Collection<Long> people, Collection<String> schools, int academicYear) {
        return db.sql(TALLIES + "where t.la = ? and t.academic_year = ? and t.person_id = any(?) "
                        + "and t.laestab = any(?::char(7)[])")
                .params(settings.la(), academicYear, people.toArray(Long[]::new), schools.toArray(String[]::new))
                .query((rs, n) -> pupilTally(rs)).list();
    }

    private static PupilTally pupilTally(ResultSet rs) throws SQLException {
        String sen = rs.getString(7);
        return new PupilTally(rs.getLong(1), rs.getString(2).strip(), shortArray(rs.getString(3)),
                shortArray(rs.getString(4)), shortArray(rs.getString(5)), rs.getBoolean(6),
                "E".equals(sen) || "K".equals(sen) ? sen : "", rs.getBoolean(8));
    }

    /** The counted rows of these schools as of a week, by school and cohort flags. */
    Map<Group, long[]> asOf(Collection<String> schools, int academicYear, int week) {
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

    /** Of these schools, those whose rows for the year were counted at an older version than their tallies'. */
    List<String> stale(Collection<String> schools, int academicYear) {
        return db.sql("""
                select v.laestab from attendance_tally_versions v
                left join attendance_cohort_built b on b.la = v.la and b.laestab = v.laestab and b.academic_year = ?
                where v.la = ? and v.laestab = any(?::char(7)[]) and b.version is distinct from v.version""")
                .params(academicYear, settings.la(), schools.toArray(String[]::new))
                .query((rs, n) -> rs.getString(1).strip()).list();
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
}
