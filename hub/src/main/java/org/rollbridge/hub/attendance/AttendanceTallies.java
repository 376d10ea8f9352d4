package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.AttendanceGroup;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.store.CopyRows;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final JdbcClient db;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final TransactionLocks locks;
    private final CohortWeeks cohortWeeks;

    public AttendanceTallies(HubProperties settings, JdbcClient db, DataSource dataSource, TransactionTemplate tx,
                             TransactionLocks locks, CohortWeeks cohortWeeks) {
        this.settings = settings;
        this.db = db;
        this.dataSource = dataSource;
        this.tx = tx;
        this.locks = locks;
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
     * The pupil-years written by this step of the transaction (MarkStore's, or a re-tally's), for {@link #refresh}:
     * emptied first, since one transaction may apply several batches' marks (held records released together).
     */
    void createMergedYears() {
        db.sql("""
                create temp table if not exists merged_years (person_id bigint, academic_year smallint,
                    marks text, mark_sources text, mark_batches uuid[]) on commit drop""").update();
        db.sql("truncate merged_years").update();
    }

    /**
     * Re-tallies the pupil-years MarkStore has just written for one school (the temporary table merged_years of
     * its transaction) and that school's weekly totals.
     */
    public void refresh(String laestab) {
        List<Integer> years = db.sql("select distinct academic_year from merged_years").query(Integer.class).list();
        write(laestab);
        for (int year : years) {
            schoolWeeks(laestab, year);
        }
        long version = db.sql("""
                insert into attendance_tally_versions (la, laestab, version) values (?, ?, 1)
                on conflict (la, laestab) do update set version = attendance_tally_versions.version + 1
                returning version""")
                .params(settings.la(), laestab).query(Long.class).single();
        for (int year : years) {
            cohortWeeks.build(laestab, year, version);
        }
    }

    /** Changes whenever any school's tallies are rewritten (and the rewrite is committed). */
    public long version() {
        return db.sql("select coalesce(sum(version), 0) from attendance_tally_versions where la = ?")
                .param(settings.la()).query(Long.class).single();
    }

    /** The latest day with a possible session at these schools on or before {@code today}. */
    public Optional<LocalDate> latestMarkedDay(Collection<String> schools, LocalDate today) {
        if (schools.isEmpty()) {
            return Optional.empty();
        }
        return db.sql("""
                select max(m) from unnest(?::char(7)[]) s(laestab), lateral (
                    select max(last_day) m from attendance_tallies t
                    where t.la = ? and t.laestab = s.laestab and t.last_day <= ?) x""")
                .params(schools.toArray(String[]::new), settings.la(), today)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }

    private void write(String laestab) {
        db.sql("""
                create temp table if not exists new_tallies (person_id bigint, academic_year smallint,
                    possible smallint[], absent smallint[], unauthorised smallint[], last_day date)
                    on commit drop""").update();
        db.sql("truncate new_tallies").update();
        record Tallied(long person, int year, Tally tally) {
        }
        // Tallied before the COPY starts: the driver cannot read a result set while a COPY is open.
        List<Tallied> tallies = db.sql("select person_id, academic_year, marks from merged_years")
                .query((rs, n) -> new Tallied(rs.getLong(1), rs.getInt(2), tally(rs.getInt(2), rs.getString(3))))
                .list();
        try (CopyRows copy = CopyRows.inTransaction(dataSource, "new_tallies",
                "person_id, academic_year, possible, absent, unauthorised, last_day")) {
            for (Tallied row : tallies) {
                Tally t = row.tally();
                copy.field(row.person()).field(row.year()).field(array(t.possible())).field(array(t.absent()))
                        .field(array(t.unauthorised())).field(t.lastDay()).endRow();
            }
        }
        db.sql("""
                insert into attendance_tallies (la, person_id, laestab, academic_year, possible, absent, unauthorised,
                                                last_day)
                select ?, person_id, ?, academic_year, possible, absent, unauthorised, last_day from new_tallies
                on conflict (la, person_id, laestab, academic_year) do update set possible = excluded.possible,
                    absent = excluded.absent, unauthorised = excluded.unauthorised, last_day = excluded.last_day,
                    updated_at = now()""")
                .params(settings.la(), laestab).update();
    }

    private void schoolWeeks(String laestab, int year) {
        int weeks = new WeekBuckets(year).count();
        db.sql("delete from attendance_school_weeks where la = ? and laestab = ? and academic_year = ?")
                .params(settings.la(), laestab, year).update();
        db.sql("""
                insert into attendance_school_weeks (la, laestab, academic_year, week, possible, absent,
                                                     unauthorised)
                select t.la, t.laestab, t.academic_year, w,
                       sum(t.possible[w + 2] - t.possible[w + 1]), sum(t.absent[w + 2] - t.absent[w + 1]),
                       sum(t.unauthorised[w + 2] - t.unauthorised[w + 1])
                from attendance_tallies t cross join generate_series(0, ? - 1) w
                where t.la = ? and t.laestab = ? and t.academic_year = ?
                group by t.la, t.laestab, t.academic_year, w""")
                .params(weeks, settings.la(), laestab, year).update();
    }

    /** Tallies every pupil-year written before the tallies existed or changed since; one transaction per school. */
    @EventListener(ApplicationReadyEvent.class)
    public void backfill() {
        List<String> schools = db.sql("""
                select distinct a.laestab from attendance_years a
                left join attendance_tallies t on t.la = a.la and t.person_id = a.person_id
                     and t.laestab = a.laestab and t.academic_year = a.academic_year
                where a.la = ? and (t.person_id is null or t.updated_at < a.updated_at)""")
                .param(settings.la()).query(String.class).list();
        for (String laestab : schools) {
            retally(laestab);
        }
        if (!schools.isEmpty()) {
            LOG.info("Attendance tallies brought up to date for {} schools", schools.size());
        }
    }

    /** Re-tallies every pupil-year of one school, in a transaction of its own under the school's lock. */
    public void retally(String laestab) {
        tx.executeWithoutResult(s -> {
            locks.hold(SchoolLock.DATA, laestab);
            record Stored(long person, int year, String marks) {
            }
            // Read before the COPY starts: the driver cannot read a result set while a COPY is open.
            List<Stored> rows = db.sql(
                            "select person_id, academic_year, marks from attendance_years where la = ? and laestab = ?")
                    .params(settings.la(), laestab)
                    .query((rs, n) -> new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
            createMergedYears();
            try (CopyRows copy = CopyRows.inTransaction(dataSource, "merged_years",
                    "person_id, academic_year, marks")) {
                for (Stored r : rows) {
                    copy.field(r.person()).field(r.year()).field(r.marks()).endRow();
                }
            }
            refresh(laestab);
        });
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
