package org.rollbridge.hub.sharing;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rollbridge.hub.HubClock;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what the extracts share: the pupils on roll, their marks and the opt-outs in force. */
@Component
public class ShareQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    ShareQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A pupil on a school's roll, with every item an agreement may take; absent items are null. */
    public record SharedPupil(long personId, String laestab, String upn, String forename, String surname,
                              LocalDate dob, String sex, String ncYear, String ethnicity, Boolean lookedAfter,
                              String senProvision, boolean fsm, String address, String postcode,
                              String firstLanguage, int exclusions) {
    }

    /** The pupils on roll on {@code day} (not left before it), by school and UPN. */
    public List<SharedPupil> onRoll(LocalDate day) {
        return db.sql("""
                select p.person_id, p.laestab, p.upn, p.forename, p.surname, p.dob, p.sex, p.nc_year,
                       p.record->'ethnicity'->>'raw' as ethnicity,
                       (p.record->'lookedAfter'->>'inCare')::boolean as looked_after,
                       (select s->'provision'->>'raw' from jsonb_array_elements(p.record->'senProvisions') s
                         where s->'end'->>'text' is null limit 1) as sen,
                       exists (select 1 from jsonb_array_elements(p.record->'fsmHistory') f
                                where f->'end'->>'text' is null or f->'end'->>'text' >= :day) as fsm,
                       nullif(concat_ws(', ', p.record->'address'->>'saon', p.record->'address'->>'paon',
                              p.record->'address'->>'street', p.record->'address'->>'locality',
                              p.record->'address'->>'town'), '') as address,
                       p.postcode, p.record->>'firstLanguage' as first_language,
                       (select count(*) from exclusions e where e.la = p.la and e.person_id = p.person_id)::int
                           as exclusions
                  from pupils p
                 where p.la = :la and (p.leaving_date is null or p.leaving_date >= :dayDate)
                   and (p.admission_date is null or p.admission_date <= :dayDate)
                 order by p.laestab, p.upn""")
                .param("la", settings.la()).param("day", day.toString()).param("dayDate", day)
                .query((rs, n) -> new SharedPupil(rs.getLong("person_id"), rs.getString("laestab").strip(),
                        rs.getString("upn"), rs.getString("forename"), rs.getString("surname"),
                        rs.getObject("dob", LocalDate.class), rs.getString("sex"), rs.getString("nc_year"),
                        rs.getString("ethnicity"), (Boolean) rs.getObject("looked_after"), rs.getString("sen"),
                        rs.getBoolean("fsm"), rs.getString("address"), rs.getString("postcode"),
                        rs.getString("first_language"), rs.getInt("exclusions")))
                .list();
    }

    /** A school's stored marks for one academic year, by person: one character per session (YearMarks). */
    public Map<Long, String> marks(String laestab, int academicYear) {
        return db.sql("""
                select person_id, marks from attendance_years
                 where la = ? and laestab = ? and academic_year = ?""")
                .params(settings.la(), laestab, academicYear)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A session whose mark changed. */
    public record ChangedSession(long personId, LocalDate day, String session) {
    }

    /** The school's sessions before {@code day} whose marks changed in the 7 days up to and including it. */
    public List<ChangedSession> changedWithinAWeek(String laestab, LocalDate day) {
        ZonedDateTime from = day.minusDays(6).atStartOfDay(HubClock.LONDON);
        ZonedDateTime to = day.plusDays(1).atStartOfDay(HubClock.LONDON);
        return db.sql("""
                select distinct person_id, day, session from mark_history
                 where la = ? and laestab = ? and day < ? and changed_at >= ? and changed_at < ?
                 order by day, session""")
                .params(settings.la(), laestab, day, from.toOffsetDateTime(), to.toOffsetDateTime())
                .query((rs, n) -> new ChangedSession(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3).strip()))
                .list();
    }

    /** A pupil's opt-out in force. */
    public record OptOut(String upn, String restriction, String requestedBy) {
    }

    /** The pupils' opt-outs from {@code agreement} in force on {@code day}, by UPN. */
    public Map<String, OptOut> optOuts(String agreement, LocalDate day) {
        return db.sql("""
                select upn, restriction, requested_by from share_optouts
                 where la = ? and agreement = ? and requested_on <= ? and (withdrawn_on is null or withdrawn_on > ?)""")
                .params(settings.la(), agreement, day, day)
                .query((rs, n) -> new OptOut(rs.getString(1), rs.getString(2), rs.getString(3))).list().stream()
                .collect(Collectors.toMap(OptOut::upn, o -> o, (a, b) -> a));
    }

    /** Whether the school has opted out of {@code agreement} on {@code day}. */
    public boolean schoolOptedOut(String laestab, String agreement, LocalDate day) {
        return db.sql("""
                select exists (select 1 from school_share_optouts where la = ? and laestab = ? and agreement = ?
                                  and from_date <= ? and (to_date is null or to_date > ?))""")
                .params(settings.la(), laestab, agreement, day, day).query(Boolean.class).single();
    }

    /** Where the school's latest completed CTF still kept is stored, to read its URN from the header. */
    public Optional<String> latestCtf(String laestab) {
        return db.sql("""
                select stored_path from batches where la = ? and laestab = ? and kind = 'ctf' and status = 'completed'
                   and upload_erased_at is null
                 order by received_at desc limit 1""")
                .params(settings.la(), laestab).query(String.class).optional();
    }

    /** An opt-out in the register, in force or withdrawn, as the pages list it. */
    public record Registered(String upn, String agreement, String restriction, String requestedBy,
                             LocalDate requestedOn, String evidence, String recordedBy, LocalDate withdrawnOn,
                             String withdrawnBy) {
        public boolean inForce() {
            return withdrawnOn == null;
        }
    }

    private static final String REGISTERED = """
            select o.upn, o.agreement, o.restriction, o.requested_by, o.requested_on, o.evidence, o.recorded_by,
                   o.withdrawn_on, o.withdrawn_by
              from share_optouts o
            """;

    /** The register's opt-outs of the pupils on the school's roll, newest first. */
    public List<Registered> registeredAt(String laestab) {
        return db.sql(REGISTERED + """
                 where o.la = ? and exists (select 1 from pupils p where p.la = o.la and p.laestab = ?
                                               and p.upn = o.upn)
                 order by o.recorded_at desc, o.id desc""")
                .params(settings.la(), laestab).query(ShareQuery::registered).list();
    }

    /** The register's opt-outs of one UPN, newest first. */
    public List<Registered> registeredFor(String upn) {
        return db.sql(REGISTERED + " where o.la = ? and o.upn = ? order by o.recorded_at desc, o.id desc")
                .params(settings.la(), upn).query(ShareQuery::registered).list();
    }

    private static Registered registered(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Registered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                rs.getString(9));
    }

    /** Whether the UPN is a pupil on the school's roll (as the school's CTF last gave it). */
    public boolean onSchoolRoll(String laestab, String upn) {
        return db.sql("select exists (select 1 from pupils where la = ? and laestab = ? and upn = ?)")
                .params(settings.la(), laestab, upn).query(Boolean.class).single();
    }

    /** The school's opt-outs from agreements, in force or ended: agreement, from, to (null while in force). */
    public record SchoolOptOut(String agreement, LocalDate from, LocalDate to, String recordedBy) {
    }

    public List<SchoolOptOut> schoolOptOuts(String laestab) {
        return db.sql("""
                select agreement, from_date, to_date, recorded_by from school_share_optouts
                 where la = ? and laestab = ? order by from_date desc, id desc""")
                .params(settings.la(), laestab)
                .query((rs, n) -> new SchoolOptOut(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4))).list();
    }

    /** Whether this file of the day was delivered already. */
    public boolean delivered(String agreement, LocalDate asOf, String file) {
        return db.sql("""
                select exists (select 1 from share_deliveries where la = ? and agreement = ? and as_of = ?
                                  and file = ?)""")
                .params(settings.la(), agreement, asOf, file).query(Boolean.class).single();
    }
}
