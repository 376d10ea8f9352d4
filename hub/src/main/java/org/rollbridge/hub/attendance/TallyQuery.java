package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the attendance tallies' state: versions, the latest marked day, and what is left to tally. */
@Component
public class TallyQuery {

    private final HubProperties settings;
    private final JdbcClient db;

    public TallyQuery(HubProperties settings, JdbcClient db) {
        this.settings = settings;
        this.db = db;
    }

    /** Changes whenever any school's tallies are rewritten (and the rewrite is committed). */
    long version() {
        return db.sql("select coalesce(sum(version), 0) from attendance_tally_versions where la = ?")
                .param(settings.la()).query(Long.class).single();
    }

    /** One school's tally version (0 before its first tally). */
    long version(String laestab) {
        return db.sql("select version from attendance_tally_versions where la = ? and laestab = ?")
                .params(settings.la(), laestab).query(Long.class).optional().orElse(0L);
    }

    /** The latest day with a possible session at these schools on or before {@code today}. */
    Optional<LocalDate> latestMarkedDay(Collection<String> schools, LocalDate today) {
        return db.sql("""
                select max(m) from unnest(?::char(7)[]) s(laestab), lateral (
                    select max(last_day) m from attendance_tallies t
                    where t.la = ? and t.laestab = s.laestab and t.last_day <= ?) x""")
                .params(schools.toArray(String[]::new), settings.la(), today)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }

    /** Schools with a pupil-year written before the tallies existed or changed since its tally. */
    List<String> schoolsBehind() {
        return db.sql("""
                select distinct a.laestab from attendance_years a
                left join attendance_tallies t on t.la = a.la and t.person_id = a.person_id
                     and t.laestab = a.laestab and t.academic_year = a.academic_year
                where a.la = ? and (t.person_id is null or t.updated_at < a.updated_at)""")
                .param(settings.la()).query(String.class).list();
    }

    /** Every pupil-year's marks held for one school. */
    List<TallyStore.PupilYear> storedYears(String laestab) {
        return db.sql("select person_id, academic_year, marks from attendance_years where la = ? and laestab = ?")
                .params(settings.la(), laestab)
                .query((rs, n) -> new TallyStore.PupilYear(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
    }
}
