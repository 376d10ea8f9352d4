package org.rollbridge.hub.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.pupil.Appeal;
import org.rollbridge.core.pupil.Exclusion;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.attendance.YearMarks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The evidence {@link AlertRecompute} works alerts out from, one school at a time: the pupils' stored marks
 * (attendance_years) and exclusions this academic year, and the school's word on each pupil (pupils), else the
 * person's UPN (person_identifiers).
 */
@Component
public class AlertEvidenceQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public AlertEvidenceQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** What is read of one pupil at the school. */
    /**
     * Whether person %1$s left school %2$s's roll by being missing from its whole-roll CTF (no spell there open since):
     * the latest roll is the roll, as core's snapshots read it, though the record kept holds no leaving date (a
     * person id names one person in one LA, so the LA needs no filter here).
     */
    private static final String REMOVED_FROM_ROLL = """
            (exists (select 1 from enrolments e where e.person_id = %1$s and e.laestab = %2$s
                     and e.ended_reason = 'missing from full CTF')
             and not exists (select 1 from enrolments e where e.person_id = %1$s and e.laestab = %2$s
                             and e.to_date is null))""";

    static final class Pupil {
        final long person;
        String upn;
        LocalDate admitted;
        LocalDate left;
        String ncYear;
        String enrolStatus;
        /** Missing from the school's latest whole-roll CTF, so off its roll whatever its record's dates say. */
        boolean removedFromRoll;
        boolean partTime;
        /** Looked after (the school's CTF), or with a social worker or a child protection plan (social care's list). */
        boolean safeguardingCohort;
        final List<String> years = new ArrayList<>();
        final List<Integer> yearStarts = new ArrayList<>();
        final List<Exclusion> exclusions = new ArrayList<>();

        Pupil(long person) {
            this.person = person;
        }
    }

    /** The schools with marks or exclusions this academic year, of anyone. */
    List<String> schools(LocalDate asOf) {
        return db.sql("""
                select laestab from attendance_years where la = ? and academic_year = any(?::smallint[])
                union
                select laestab from exclusions where la = ? and start_date >= ?
                order by 1""")
                .params(settings.la(), years(asOf), settings.la(), Period.academicYearContaining(asOf).from())
                .query(String.class).list();
    }

    /**
     * The schools with marks or exclusions this academic year of these persons, each with those of the persons it
     * holds them for. The persons are joined as a set (a hashed semi-join), not searched as an array row by row:
     * a follow-up's wave may name every pupil in the LA.
     */
    Map<String, Long[]> schoolsOf(LocalDate asOf, Long[] persons) {
        Map<String, Long[]> bySchool = new LinkedHashMap<>();
        db.sql("""
                select laestab, array_agg(person_id order by person_id) from (
                  select laestab, person_id from attendance_years where la = ? and academic_year = any(?::smallint[])
                    and person_id in (select unnest(?::bigint[]))
                  union
                  select laestab, person_id from exclusions where la = ? and start_date >= ?
                    and person_id in (select unnest(?::bigint[]))) touched
                group by laestab order by laestab""")
                .params(settings.la(), years(asOf), persons, settings.la(),
                        Period.academicYearContaining(asOf).from(), persons)
                .query(rs -> {
                    bySchool.put(rs.getString(1), (Long[]) rs.getArray(2).getArray());
                });
        return bySchool;
    }

    /** The evidence of these persons (or, when null, of everyone) at one school, by person. */
    Map<Long, Pupil> atSchool(String laestab, Long[] persons, LocalDate asOf) {
        Map<Long, Pupil> pupils = new HashMap<>();
        // Two texts rather than "? is null or": a prepared statement's generic plan cannot drop the filter.
        db.sql("""
                select a.person_id, a.academic_year, a.marks from attendance_years a
                where a.la = ? and a.laestab = ? and a.academic_year = any(?::smallint[])""" + (persons == null ? ""
                        : " and a.person_id in (select unnest(?::bigint[]))") + """

                order by a.person_id, a.academic_year""")
                .params(persons == null ? List.of(settings.la(), laestab, years(asOf))
                        : List.of(settings.la(), laestab, years(asOf), persons))
                .query(rs -> {
                    Pupil p = pupils.computeIfAbsent(rs.getLong(1), Pupil::new);
                    p.yearStarts.add(rs.getInt(2));
                    p.years.add(rs.getString(3));
                });
        db.sql("""
                select person_id, category, reason, start_date, end_date, sessions, reinstatement_date
                from exclusions where la = ? and laestab = ? and start_date >= ?""" + (persons == null ? ""
                        : " and person_id in (select unnest(?::bigint[]))"))
                .params(persons == null ? List.of(settings.la(), laestab, Period.academicYearContaining(asOf).from())
                        : List.of(settings.la(), laestab, Period.academicYearContaining(asOf).from(), persons))
                .query(rs -> {
                    Pupil p = pupils.computeIfAbsent(rs.getLong(1), Pupil::new);
                    p.exclusions.add(new Exclusion(null, laestab,
                            Coded.of(ExclusionCategory.class, rs.getString(2)),
                            Coded.of(ExclusionReason.class, rs.getString(3)),
                            RecordedDate.of(rs.getObject(4, LocalDate.class)),
                            RecordedDate.of(rs.getObject(5, LocalDate.class)), (Integer) rs.getObject(6),
                            new Appeal(null, null, null, RecordedDate.of(rs.getObject(7, LocalDate.class)))));
                });
        if (pupils.isEmpty()) {
            return pupils;
        }
        // The school's word on each pupil (UPN, enrolment, part-time timetable, looked after), else the person's UPN;
        // and social care's open cases, as the command line's --cohort reads them.
        db.sql("""
                select k.person_id,
                       coalesce(p.upn, (select min(i.value) from person_identifiers i
                                        where i.la = ? and i.person_id = k.person_id and i.kind = 'UPN')),
                       p.admission_date, p.leaving_date, p.nc_year, p.enrol_status,
                       """ + REMOVED_FROM_ROLL.formatted("k.person_id", "?") + """
                       ,
                       coalesce((p.record ->> 'partTime')::boolean, false),
                       coalesce((p.record -> 'lookedAfter' ->> 'inCare')::boolean, false)
                         or exists (select 1 from social_care_cases c where c.la = ? and c.person_id = k.person_id
                                    and (c.end_date is null or c.end_date > ?)
                                    and (c.social_worker or c.looked_after or c.child_protection))
                from unnest(?::bigint[]) k (person_id)
                left join pupils p on p.la = ? and p.person_id = k.person_id and p.laestab = ?""")
                .params(settings.la(), laestab, laestab, settings.la(), asOf, pupils.keySet().toArray(Long[]::new),
                        settings.la(), laestab)
                .query(rs -> {
                    Pupil p = pupils.get(rs.getLong(1));
                    p.upn = rs.getString(2);
                    p.admitted = rs.getObject(3, LocalDate.class);
                    p.left = rs.getObject(4, LocalDate.class);
                    p.ncYear = rs.getString(5);
                    p.enrolStatus = rs.getString(6);
                    p.removedFromRoll = rs.getBoolean(7);
                    p.partTime = rs.getBoolean(8);
                    p.safeguardingCohort = rs.getBoolean(9);
                });
        return pupils;
    }

    /**
     * The year groups of the pupils on the school's roll on {@code day} (admitted by then, not left before it, not a
     * previous pupil): the school's entry year, against which a joiner's transition is judged, is the lowest of them.
     */
    List<String> yearsOnRoll(String laestab, LocalDate day) {
        return db.sql("""
                select nc_year from pupils where la = ? and laestab = ? and upn <> ''
                  and (admission_date is null or admission_date <= ?) and (leaving_date is null or leaving_date >= ?)
                  and coalesce(enrol_status, '') <> 'P'
                  and not """ + REMOVED_FROM_ROLL.formatted("pupils.person_id", "pupils.laestab"))
                .params(settings.la(), laestab, day, day).query(String.class).list();
    }

    /** The compact years that hold the academic year (1 September) of {@code asOf}: they start on 1 August. */
    private static Integer[] years(LocalDate asOf) {
        int from = YearMarks.academicYear(Period.academicYearContaining(asOf).from());
        int to = YearMarks.academicYear(asOf);
        return from == to ? new Integer[] {from} : new Integer[] {from, to};
    }
}
