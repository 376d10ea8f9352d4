package org.rollbridge.hub.attendance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.AttendanceGroup;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.CopyRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps attendance_tallies, attendance_school_weeks and attendance_cohort_weeks (CohortWeeks) in step with
 * attendance_years, so that the dashboards add up a few hundred bytes per pupil, or per school and cohort, instead
 * of reading and decoding every mark. MarkStore calls {@link #refresh}
 * in the merge transaction for the pupil-years it wrote; at start-up any row without an up-to-date tally (written
 * before the tallies existed) gets one.
 */
@Component
public class AttendanceTallies {

    private static final Logger LOG = LoggerFactory.getLogger(AttendanceTallies.class);
    /** Session groups by mark symbol, read with the code set before [0] and from [1] August 2024. */
    private static final AttendanceGroup[][] GROUPS = new AttendanceGroup[2][128];

    static {
        LocalDate[] on = {AttendanceCode.CODES_2024_FROM.minusDays(1), AttendanceCode.CODES_2024_FROM};
        for (int set = 0; set < 2; set++) {
            for (char ch = 0; ch < 128; ch++) {
                LocalDate day = on[set];
                GROUPS[set][ch] = YearMarks.code(ch).flatMap(code -> AttendanceCode.interpret(code, day))
                        .map(AttendanceCode::group).orElse(null);
            }
        }
    }

    private final HubProperties settings;
    private final DataSource dataSource;
    private final CohortWeeks cohortWeeks;

    public AttendanceTallies(HubProperties settings, DataSource dataSource, CohortWeeks cohortWeeks) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.cohortWeeks = cohortWeeks;
    }

    /** Running totals by week; element k + 1 is the total to the end of week k (element 0 is 0). */
    public record Tally(short[] possible, short[] absent, short[] unauthorised, LocalDate lastDay) {
    }

    /** The session group of one stored mark on its day; empty for no mark or a code that is not a session code. */
    public static Optional<AttendanceGroup> group(char symbol, LocalDate day) {
        if (symbol >= 128) {
            return Optional.empty();
        }
        return Optional.ofNullable(GROUPS[day.isBefore(AttendanceCode.CODES_2024_FROM) ? 0 : 1][symbol]);
    }

    public static Tally tally(int academicYear, String marks) {
        WeekBuckets weeks = new WeekBuckets(academicYear);
        short[] possible = new short[weeks.count() + 1];
        short[] absent = new short[weeks.count() + 1];
        short[] unauthorised = new short[weeks.count() + 1];
        LocalDate lastDay = null;
        int sessions = Math.min(marks.length(), 2 * (int) (weeks.end(weeks.count() - 1).toEpochDay()
                - weeks.start(0).toEpochDay() + 1));
        for (int i = 0; i < sessions; i++) {
            char ch = marks.charAt(i);
            if (ch == YearMarks.NONE) {
                continue;
            }
            LocalDate day = YearMarks.dayAt(academicYear, i);
            AttendanceGroup g = group(ch, day).orElse(null);
            if (g == null || !g.possible()) {
                continue;
            }
            int k = weeks.of(day) + 1;
            possible[k]++;
            if (g.absence()) {
                absent[k]++;
            }
            if (g == AttendanceGroup.UNAUTHORISED_ABSENCE) {
                unauthorised[k]++;
            }
            lastDay = day;
        }
        for (int k = 1; k < possible.length; k++) {
            possible[k] += possible[k - 1];
            absent[k] += absent[k - 1];
            unauthorised[k] += unauthorised[k - 1];
        }
        return new Tally(possible, absent, unauthorised, lastDay);
    }

    /**
     * Re-tallies the pupil-years MarkStore has just written for one school (the temporary table merged_years of
     * its transaction) and that school's weekly totals.
     */
    public void refresh(Connection c, String laestab) throws Exception {
        List<Integer> years = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select distinct academic_year from merged_years")) {
            while (rs.next()) {
                years.add(rs.getInt(1));
            }
        }
        write(c, laestab);
        for (int year : years) {
            schoolWeeks(c, laestab, year);
        }
        long version;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into attendance_tally_versions (la, laestab, version) values (?, ?, 1)
                on conflict (la, laestab) do update set version = attendance_tally_versions.version + 1
                returning version""")) {
            ps.setString(1, settings.la());
            ps.setString(2, laestab);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getLong(1);
            }
        }
        for (int year : years) {
            cohortWeeks.build(c, laestab, year, version);
        }
    }

    /** Changes whenever any school's tallies are rewritten (and the rewrite is committed). */
    public long version(Connection c) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select coalesce(sum(version), 0) from attendance_tally_versions where la = ?")) {
            ps.setString(1, settings.la());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void write(Connection c, String laestab) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    create temp table if not exists new_tallies (person_id bigint, academic_year smallint,
                        possible smallint[], absent smallint[], unauthorised smallint[], last_day date)
                        on commit drop;
                    truncate new_tallies""");
        }
        // Tallied before the COPY starts: the driver cannot read a result set while a COPY is open.
        List<Object[]> tallies = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select person_id, academic_year, marks from merged_years")) {
            while (rs.next()) {
                tallies.add(new Object[] {rs.getLong(1), rs.getInt(2), tally(rs.getInt(2), rs.getString(3))});
            }
        }
        try (CopyRows copy = new CopyRows(c, "new_tallies",
                "person_id, academic_year, possible, absent, unauthorised, last_day")) {
            for (Object[] row : tallies) {
                Tally t = (Tally) row[2];
                copy.field(row[0]).field(row[1]).field(array(t.possible())).field(array(t.absent()))
                        .field(array(t.unauthorised())).field(t.lastDay()).endRow();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into attendance_tallies (la, person_id, laestab, academic_year, possible, absent, unauthorised,
                                                last_day)
                select ?, person_id, ?, academic_year, possible, absent, unauthorised, last_day from new_tallies
                on conflict (la, person_id, laestab, academic_year) do update set possible = excluded.possible,
                    absent = excluded.absent, unauthorised = excluded.unauthorised, last_day = excluded.last_day,
                    updated_at = now()""")) {
            ps.setString(1, settings.la());
            ps.setString(2, laestab);
            ps.executeUpdate();
        }
    }

    private void schoolWeeks(Connection c, String laestab, int year) throws Exception {
        int weeks = new WeekBuckets(year).count();
        try (PreparedStatement del = c.prepareStatement(
                "delete from attendance_school_weeks where la = ? and laestab = ? and academic_year = ?");
             PreparedStatement ins = c.prepareStatement("""
                     insert into attendance_school_weeks (la, laestab, academic_year, week, possible, absent,
                                                          unauthorised)
                     select t.la, t.laestab, t.academic_year, w,
                            sum(t.possible[w + 2] - t.possible[w + 1]), sum(t.absent[w + 2] - t.absent[w + 1]),
                            sum(t.unauthorised[w + 2] - t.unauthorised[w + 1])
                     from attendance_tallies t cross join generate_series(0, ? - 1) w
                     where t.la = ? and t.laestab = ? and t.academic_year = ?
                     group by t.la, t.laestab, t.academic_year, w""")) {
            del.setString(1, settings.la());
            del.setString(2, laestab);
            del.setInt(3, year);
            del.executeUpdate();
            ins.setInt(1, weeks);
            ins.setString(2, settings.la());
            ins.setString(3, laestab);
            ins.setInt(4, year);
            ins.executeUpdate();
        }
    }

    /** Tallies every pupil-year written before the tallies existed or changed since; one transaction per school. */
    @EventListener(ApplicationReadyEvent.class)
    public void backfill() throws Exception {
        List<String> schools = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select distinct a.laestab from attendance_years a
                     left join attendance_tallies t on t.la = a.la and t.person_id = a.person_id
                          and t.laestab = a.laestab and t.academic_year = a.academic_year
                     where a.la = ? and (t.person_id is null or t.updated_at < a.updated_at)""")) {
            ps.setString(1, settings.la());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    schools.add(rs.getString(1));
                }
            }
        }
        for (String laestab : schools) {
            retally(laestab);
        }
        if (!schools.isEmpty()) {
            LOG.info("Attendance tallies brought up to date for {} schools", schools.size());
        }
    }

    /** Re-tallies every pupil-year of one school. */
    public void retally(String laestab) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "school-" + laestab);
                lock.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select person_id, academic_year, marks from attendance_years where la = ? and laestab = ?")) {
                ps.setString(1, settings.la());
                ps.setString(2, laestab);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)});
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("create temp table if not exists merged_years (person_id bigint, "
                            + "academic_year smallint, marks text) on commit drop");
                }
                try (CopyRows copy = new CopyRows(c, "merged_years", "person_id, academic_year, marks")) {
                    for (Object[] r : rows) {
                        copy.field(r[0]).field(r[1]).field(r[2]).endRow();
                    }
                }
            }
            refresh(c, laestab);
            c.commit();
        }
    }

    private static String array(short[] values) {
        StringBuilder b = new StringBuilder(values.length * 4).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(values[i]);
        }
        return b.append('}').toString();
    }
}
