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

    /** Whether this file of the day was delivered already. */
    public boolean delivered(String agreement, LocalDate asOf, String file) {
        return db.sql("""
                select exists (select 1 from share_deliveries where la = ? and agreement = ? and as_of = ?
                                  and file = ?)""")
                .params(settings.la(), agreement, asOf, file).query(Boolean.class).single();
    }
}
