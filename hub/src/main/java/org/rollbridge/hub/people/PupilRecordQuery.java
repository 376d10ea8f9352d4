package org.rollbridge.hub.people;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the LA holds of a person from the schools' CTFs (pupils, one row per school) and the person index
 * (person_identifiers): for finding a pupil by UPN and for the pupil's page.
 */
@Component
public class PupilRecordQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public PupilRecordQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Who the pupil is, as the school that wrote last says. */
    public record Identity(String upn, String forename, String surname, LocalDate dob, String sex, String ncYear,
                           String postcode, String laestab) {
    }

    /** The person's latest record from any school: identity and the CTF's flags. */
    public record Latest(Identity identity, boolean lookedAfter, String senProvision, boolean fsm,
                         Boolean partTime) {
    }

    /** What one school last said about the person, in which batch, and by which matching rule it was linked. */
    public record SchoolRecord(String laestab, Instant updatedAt, String batchId, String fileName,
                               Instant receivedAt, String ncYear, String enrolStatus, String matchRule,
                               BigDecimal matchScore) {
    }

    /** An identifier that leads to the person, and how it was linked. */
    public record Link(String kind, String value, String rule, BigDecimal score, String confirmedBy,
                       Instant createdAt, String batchId) {
    }

    /** The persons a school recorded under this UPN (normally one). */
    public List<Long> personsWithUpn(String upn) {
        return db.sql("select distinct person_id from pupils where la = ? and upn = ?").params(settings.la(), upn)
                .query(Long.class).list();
    }

    public Optional<Latest> latest(long personId) {
        return db.sql("""
                select upn, forename, surname, dob, sex, nc_year, postcode, laestab, looked_after, sen_provision, fsm,
                       (record ->> 'partTime')::boolean part_time
                from pupils where la = ? and person_id = ? order by updated_at desc limit 1""")
                .params(settings.la(), personId)
                .query((rs, n) -> new Latest(new Identity(rs.getString("upn"), rs.getString("forename"),
                        rs.getString("surname"), rs.getObject("dob", LocalDate.class), rs.getString("sex"),
                        rs.getString("nc_year"), rs.getString("postcode"), rs.getString("laestab")),
                        rs.getBoolean("looked_after"), rs.getString("sen_provision"), rs.getBoolean("fsm"),
                        (Boolean) rs.getObject("part_time")))
                .optional();
    }

    /** Each school's record of the person, latest first, with the batch it came in. */
    public List<SchoolRecord> schoolRecords(long personId) {
        return db.sql("""
                select p.laestab, p.updated_at, p.batch_id, b.file_name, b.received_at, p.nc_year, p.enrol_status,
                       p.match_rule, p.match_score
                from pupils p left join batches b on b.id = p.batch_id
                where p.la = ? and p.person_id = ? order by p.updated_at desc""")
                .params(settings.la(), personId)
                .query((rs, n) -> new SchoolRecord(rs.getString(1).strip(), instant(rs.getObject(2,
                        OffsetDateTime.class)), rs.getString(3), rs.getString(4),
                        instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getBigDecimal(9)))
                .list();
    }

    /** The identifiers linked to the person, oldest first. */
    public List<Link> links(long personId) {
        return db.sql("""
                select kind, value, rule, score, confirmed_by, created_at, batch_id from person_identifiers
                where la = ? and person_id = ? order by created_at""")
                .params(settings.la(), personId)
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class)), rs.getString(7)))
                .list();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** One school's current record of the pupil as the read API gives it: the CTF's fields and the batch it came in. */
    public record CurrentRecord(String laestab, String upn, String uln, String forename, String surname,
                                LocalDate dob, String sex, String ncYear, String enrolStatus, LocalDate admissionDate,
                                LocalDate leavingDate, String postcode, String batch, Instant updatedAt,
                                String record) {
    }

    /** A spell on a school's roll as the hub recorded it. */
    public record Enrolment(String laestab, LocalDate from, LocalDate to, String endedReason, String startedBatch,
                            String endedBatch) {
    }

    /** Each school's current record of the person, by school. */
    public List<CurrentRecord> currentRecords(long personId) {
        return db.sql("""
                select laestab, upn, uln, forename, surname, dob, sex, nc_year, enrol_status, admission_date,
                       leaving_date, postcode, batch_id, updated_at, record::text
                from pupils where la = ? and person_id = ? order by laestab""")
                .params(settings.la(), personId)
                .query((rs, n) -> new CurrentRecord(rs.getString(1).strip(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                        rs.getObject(11, LocalDate.class), rs.getString(12), rs.getString(13),
                        instant(rs.getObject(14, OffsetDateTime.class)), rs.getString(15)))
                .list();
    }

    /** The person's spells on schools' rolls, oldest first. */
    public List<Enrolment> enrolments(long personId) {
        return db.sql("""
                select laestab, from_date, to_date, ended_reason, started_batch, ended_batch from enrolments
                where la = ? and person_id = ? order by from_date, laestab""")
                .params(settings.la(), personId)
                .query((rs, n) -> new Enrolment(rs.getString(1).strip(), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }
}
