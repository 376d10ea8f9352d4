package org.rollbridge.hub.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.PupilFactsQuery;
import org.rollbridge.hub.access.SchoolQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each pupil's academic year to date at each of the LA's schools, one line per pupil and school as the dashboards
 * count them (a pupil on two rolls is two lines), read from the same tallies and week bounds as the LA overview so
 * that a cohort's lines add up to the overview's figures: sessions, persistent and severe absence, exclusions, and
 * the cohort flags (the CTF's and children's social care's cases open on the day). For the pupil-level and the
 * planning exports.
 */
@Component
public class PupilYearQuery {

    private final JdbcClient db;
    private final HubProperties settings;
    private final SchoolQuery schools;
    private final PupilFactsQuery pupilFacts;

    PupilYearQuery(JdbcClient db, HubProperties settings, SchoolQuery schools, PupilFactsQuery pupilFacts) {
        this.db = db;
        this.settings = settings;
        this.schools = schools;
        this.pupilFacts = pupilFacts;
    }

    /** One pupil's year to date at one school; identity fields are null for a pupil no longer on its roll. */
    public record PupilYear(long personId, String laestab, String upn, String forename, String surname,
                            LocalDate dob, String postcode, String ncYear, boolean ctfLookedAfter, String sen,
                            boolean fsm, PupilFactsQuery.Care care, long possible, long absent, long unauthorised,
                            int suspensions, int permanentExclusions) {

        public long authorised() {
            return absent - unauthorised;
        }

        /** Counted by the persistent and severe absence measures: 20 or more possible sessions. */
        public boolean reportable() {
            return possible >= PupilAttendance.MINIMUM_POSSIBLE_SESSIONS;
        }

        public boolean persistent() {
            return reportable() && absent * 10 >= possible;
        }

        public boolean severe() {
            return reportable() && absent * 2 >= possible;
        }

        /** Attendance as a percentage of possible sessions, one decimal place; null without any. */
        public BigDecimal attendanceRate() {
            return possible == 0 ? null : BigDecimal.valueOf((possible - absent) * 100)
                    .divide(BigDecimal.valueOf(possible), 1, RoundingMode.HALF_UP);
        }

        public boolean lookedAfter() {
            return ctfLookedAfter || care.lookedAfter();
        }
    }

    /**
     * Every pupil with a possible session at one of the LA's schools in the academic year to {@code asOf}, the
     * week of {@code asOf} counted whole as the overview counts it.
     */
    public List<PupilYear> asOf(LocalDate asOf) {
        int academicYear = Period.academicYearContaining(asOf).from().getYear();
        WeekBuckets weeks = new WeekBuckets(academicYear);
        int[] bounds = CohortWeeks.standardBounds(weeks, weeks.of(asOf));
        // Tallies are 1-based in PostgreSQL: element k + 1 of the Java array is element k + 2 there, so the year's
        // Java bounds [low - 1, high - 1] are [low, high] here.
        int low = bounds[4];
        int high = bounds[5];
        Map<Long, PupilFactsQuery.Care> care = pupilFacts.openCases(asOf);
        PupilFactsQuery.Care none = new PupilFactsQuery.Care(false, false, false);
        return db.sql("""
                select t.person_id, t.laestab, p.upn, p.forename, p.surname, p.dob, p.postcode, p.nc_year,
                       coalesce(p.looked_after, false) as looked_after, p.sen_provision, coalesce(p.fsm, false) as fsm,
                       t.possible[:high] - t.possible[:low] as possible, t.absent[:high] - t.absent[:low] as absent,
                       t.unauthorised[:high] - t.unauthorised[:low] as unauthorised,
                       (select count(*) from exclusions e where e.la = t.la and e.person_id = t.person_id
                           and e.laestab = t.laestab and e.category <> 'PERM' and e.start_date between :from and :asOf)
                           as suspensions,
                       (select count(*) from exclusions e where e.la = t.la and e.person_id = t.person_id
                           and e.laestab = t.laestab and e.category = 'PERM' and e.start_date between :from and :asOf)
                           as permanent
                  from attendance_tallies t
                  left join pupils p on p.la = t.la and p.person_id = t.person_id and p.laestab = t.laestab
                 where t.la = :la and t.academic_year = :year and t.laestab = any(:schools::char(7)[])
                   and t.possible[:high] - t.possible[:low] > 0
                 order by t.laestab, t.person_id""")
                .param("high", high).param("low", low).param("la", settings.la()).param("year", academicYear)
                .param("from", LocalDate.of(academicYear, 9, 1)).param("asOf", asOf)
                .param("schools", schools.ofLa(settings.la()).keySet().toArray(String[]::new))
                .query((rs, n) -> new PupilYear(rs.getLong("person_id"), rs.getString("laestab").strip(),
                        rs.getString("upn"), rs.getString("forename"), rs.getString("surname"),
                        rs.getObject("dob", LocalDate.class), rs.getString("postcode"), rs.getString("nc_year"),
                        rs.getBoolean("looked_after"), rs.getString("sen_provision"), rs.getBoolean("fsm"),
                        care.getOrDefault(rs.getLong("person_id"), none), rs.getLong("possible"),
                        rs.getLong("absent"), rs.getLong("unauthorised"), rs.getInt("suspensions"),
                        rs.getInt("permanent")))
                .list();
    }
}
