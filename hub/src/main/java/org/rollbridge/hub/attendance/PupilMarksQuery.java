package org.rollbridge.hub.attendance;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One pupil's stored marks (attendance_years), for the pupil's page and the read API. */
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

    /** One stored mark: the day and session, the code as the school sent it, and the school and batch that sent it. */
    public record SessionMark(LocalDate day, String session, String code, String laestab, UUID batch) {
    }

    /** The pupil's stored marks from {@code from} to {@code to} (both included), by day, session and school. */
    public List<SessionMark> sessions(long personId, LocalDate from, LocalDate to) {
        List<SessionMark> marks = new ArrayList<>();
        db.sql("""
                select laestab, academic_year, marks, mark_sources, mark_batches, batch_id from attendance_years
                where la = ? and person_id = ? and academic_year between ? and ?""")
                .params(settings.la(), personId, YearMarks.academicYear(from), YearMarks.academicYear(to))
                .query(rs -> {
                    String laestab = rs.getString(1).strip();
                    int year = rs.getInt(2);
                    String stored = rs.getString(3);
                    MarkSources sources = MarkSources.of(rs.getString(4), batches(rs.getArray(5)), stored,
                            rs.getObject(6, UUID.class));
                    for (int i = 0; i < stored.length(); i++) {
                        LocalDate day = YearMarks.dayAt(year, i);
                        if (stored.charAt(i) == YearMarks.NONE || day.isBefore(from) || day.isAfter(to)) {
                            continue;
                        }
                        marks.add(new SessionMark(day, YearMarks.sessionAt(i).name(),
                                YearMarks.code(stored.charAt(i)).orElseThrow(), laestab,
                                sources.batchAt(i).orElse(null)));
                    }
                });
        marks.sort(Comparator.comparing(SessionMark::day).thenComparing(SessionMark::session)
                .thenComparing(SessionMark::laestab));
        return marks;
    }

    static UUID[] batches(Array array) throws SQLException {
        return array == null ? null : (UUID[]) array.getArray();
    }
}
