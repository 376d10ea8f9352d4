package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A school's pupils with their marks for one academic year, name and year group: the school's own dashboard. */
@Component
public class SchoolPupilMarksQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public SchoolPupilMarksQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public record PupilYear(long personId, String upn, String forename, String surname, String ncYear,
                            LocalDate admitted, LocalDate left, String marks) {
    }

    public List<PupilYear> atSchool(String laestab, int academicYear) {
        return db.sql("""
                select a.person_id, p.upn, p.forename, p.surname, p.nc_year, p.admission_date, p.leaving_date, a.marks
                from attendance_years a join pupils p on p.la = a.la and p.person_id = a.person_id
                                                      and p.laestab = a.laestab
                where a.la = ? and a.laestab = ? and a.academic_year = ? order by p.surname, p.forename""")
                .params(settings.la(), laestab, academicYear)
                .query((rs, n) -> new PupilYear(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getString(8)))
                .list();
    }
}
