package org.rollbridge.hub.attendance;

import java.util.List;
import javax.sql.DataSource;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.attendance.AttendanceTallies.Tally;
import org.rollbridge.hub.store.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes attendance_tallies, attendance_school_weeks and attendance_tally_versions for {@link AttendanceTallies},
 * in the caller's transaction, from the pupil-years in its temporary table merged_years.
 */
@Component
public class TallyStore {

    private final HubProperties settings;
    private final JdbcClient db;
    private final DataSource dataSource;

    public TallyStore(HubProperties settings, JdbcClient db, DataSource dataSource) {
        this.settings = settings;
        this.db = db;
        this.dataSource = dataSource;
    }

    /** One pupil-year's marks (ADR 0002's marks string). */
    record PupilYear(long person, int year, String marks) {
    }

    /** One pupil-year's tally. */
    record Tallied(long person, int year, Tally tally) {
    }

    /**
     * The pupil-years written by this step of the transaction, emptied first, since one transaction may apply
     * several batches' marks (held records released together).
     */
    void createMergedYears() {
        db.sql("""
                create temp table if not exists merged_years (person_id bigint, academic_year smallint,
                    marks text, mark_sources text, mark_batches uuid[]) on commit drop""").update();
        db.sql("truncate merged_years").update();
    }

    /** Copies pupil-years into merged_years. */
    void copyMergedYears(List<PupilYear> rows) {
        try (CopyRows copy = CopyRows.inTransaction(dataSource, "merged_years", "person_id, academic_year, marks")) {
            for (PupilYear r : rows) {
                copy.field(r.person()).field(r.year()).field(r.marks()).endRow();
            }
        }
    }

    List<Integer> mergedAcademicYears() {
        return db.sql("select distinct academic_year from merged_years").query(Integer.class).list();
    }

    List<PupilYear> mergedYears() {
        return db.sql("select person_id, academic_year, marks from merged_years")
                .query((rs, n) -> new PupilYear(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
    }

    /** Writes these tallies of one school, replacing those of the same pupil-years. */
    void write(String laestab, List<Tallied> tallies) {
        db.sql("""
                create temp table if not exists new_tallies (person_id bigint, academic_year smallint,
                    possible smallint[], absent smallint[], unauthorised smallint[], last_day date)
                    on commit drop""").update();
        db.sql("truncate new_tallies").update();
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

    /**
     * Replaces a school-year's weekly totals: {@code possible[w]}, {@code absent[w]} and {@code unauthorised[w]}
     * are week w's sessions added up over the school's pupils; no rows when it has no pupil-year.
     */
    void schoolWeeks(String laestab, int year, long[] possible, long[] absent, long[] unauthorised) {
        db.sql("delete from attendance_school_weeks where la = ? and laestab = ? and academic_year = ?")
                .params(settings.la(), laestab, year).update();
        if (possible.length == 0) {
            return;
        }
        db.sql("""
                insert into attendance_school_weeks (la, laestab, academic_year, week, possible, absent,
                                                     unauthorised)
                select ?, ?, ?, w.ordinality - 1, w.possible, w.absent, w.unauthorised
                from unnest(?::bigint[], ?::bigint[], ?::bigint[]) with ordinality w (possible, absent, unauthorised)""")
                .params(settings.la(), laestab, year, boxed(possible), boxed(absent), boxed(unauthorised)).update();
    }

    private static Long[] boxed(long[] values) {
        Long[] out = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Moves the school's tally version on; returns the new version. */
    long nextVersion(String laestab) {
        return db.sql("""
                insert into attendance_tally_versions (la, laestab, version) values (?, ?, 1)
                on conflict (la, laestab) do update set version = attendance_tally_versions.version + 1
                returning version""")
                .params(settings.la(), laestab).query(Long.class).single();
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
