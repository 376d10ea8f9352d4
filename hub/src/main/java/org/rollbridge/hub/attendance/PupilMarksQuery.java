package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One pupil's stored marks (attendance_years), for the pupil's page. */
@Component
public class PupilMarksQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public PupilMarksQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * A school's year of the pupil's marks ({@link YearMarks}), with the admission and leaving dates the school
     * sent (the hub's own enrolment spells start when it first heard).
     */
    public record SchoolYear(String laestab, String marks, LocalDate admitted, LocalDate left) {
    }

    /** The academic years (from 1 August) this pupil has marks for, latest first. */
    public List<Integer> years(long personId) {
        return db.sql("""
                select distinct academic_year from attendance_years where la = ? and person_id = ? order by 1 desc""")
                .params(settings.la(), personId).query(Integer.class).list();
    }

    /** The pupil's marks at each school in one academic year, by school. */
    public List<SchoolYear> year(long personId, int academicYear) {
        return db.sql("""
                select a.laestab, a.marks, p.admission_date, p.leaving_date
                from attendance_years a left join pupils p on p.la = a.la and p.person_id = a.person_id
                                                          and p.laestab = a.laestab
                where a.la = ? and a.person_id = ? and a.academic_year = ? order by a.laestab""")
                .params(settings.la(), personId, academicYear)
                .query((rs, n) -> new SchoolYear(rs.getString(1).strip(), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
    }
}
