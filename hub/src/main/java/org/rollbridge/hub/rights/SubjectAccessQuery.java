package org.rollbridge.hub.rights;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PGobject;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the hub holds on one person, section by section, as plain rows (column name to value; dates and
 * times as ISO text, JSON as JSON). Each section reads the tables {@code PersonErasureStore} deletes from for a
 * person, so what a subject access shows and what retention removes are the same records.
 */
@Component
public class SubjectAccessQuery {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient db;
    private final HubProperties settings;

    public SubjectAccessQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public List<Map<String, Object>> person(long id) {
        return rows("""
                select id as "reference", register_id as "LA register id", legal_forename as "legal forename",
                       legal_surname as "legal surname", dob as "date of birth", sex, postcode,
                       origin as "first recorded from", created_at as "first recorded"
                from persons where la = ? and id = ?""", id);
    }

    public List<Map<String, Object>> identifiers(long id) {
        return rows("""
                select kind as "identifier", value, rule as "matched by", score as "match weight (bits)",
                       confirmed_by as "confirmed by", batch_id as "from batch", created_at as "linked"
                from person_identifiers where la = ? and person_id = ? order by created_at""", id);
    }

    public List<Map<String, Object>> schoolRecords(long id) {
        return rows("""
                select p.laestab as "school", p.upn as "UPN", p.uln as "ULN", p.forename, p.surname,
                       p.dob as "date of birth", p.sex, p.nc_year as "year group", p.enrol_status as "enrolment status",
                       p.admission_date as "admitted", p.leaving_date as "left", p.postcode,
                       p.match_rule as "matched by", p.match_score as "match weight (bits)",
                       p.batch_id as "from batch", b.received_at as "received", p.updated_at as "updated",
                       p.record as "record as the school sent it"
                from pupils p left join batches b on b.id = p.batch_id
                where p.la = ? and p.person_id = ? order by p.updated_at desc""", id);
    }

    public List<Map<String, Object>> rectifications(long id) {
        return rows("""
                select field, corrected_value as "corrected to", school_value as "the school had sent",
                       laestab as "school", reason, evidence, recorded_by as "corrected by", recorded_at as "corrected",
                       status, ended_at as "ended", superseding_value as "the school then sent"
                from rectifications where la = ? and person_id = ? order by recorded_at, id""", id);
    }

    public List<Map<String, Object>> enrolments(long id) {
        return rows("""
                select laestab as "school", from_date as "from", to_date as "to", ended_reason as "why it ended"
                from enrolments where la = ? and person_id = ? order by from_date""", id);
    }

    public List<Map<String, Object>> attendance(long id) {
        return rows("""
                select laestab as "school", academic_year as "academic year (starting)", marks as "session marks from 1 August",
                       updated_at as "updated"
                from attendance_years where la = ? and person_id = ? order by academic_year, laestab""", id);
    }

    public List<Map<String, Object>> markChanges(long id) {
        return rows("""
                select laestab as "school", day, session, old_code as "was", new_code as "became",
                       batch_id as "in batch", changed_at as "changed"
                from mark_history where la = ? and person_id = ? order by day, session, changed_at""", id);
    }

    public List<Map<String, Object>> exclusions(long id) {
        return rows("""
                select laestab as "school", exclusion_ref as "reference", category, reason, start_date as "start",
                       end_date as "end", sessions, appeal_received as "appeal received", appeal_result as "appeal result",
                       appeal_result_date as "appeal result date", reinstatement_date as "reinstated"
                from exclusions where la = ? and person_id = ? order by start_date""", id);
    }

    public List<Map<String, Object>> alerts(long id) {
        return rows("""
                select c.id as "case", c.kind as "alert", c.laestab as "school", c.status, c.detail,
                       c.raised_at as "raised", c.assigned_to as "assigned to", c.acknowledged_at as "acknowledged",
                       c.resolved_at as "resolved", c.resolution as "resolution",
                       (select jsonb_agg(jsonb_build_object('at', e.at, 'event', e.event, 'by', e.actor, 'detail', e.detail)
                                         order by e.id)
                        from alert_case_events e where e.case_id = c.id) as "decisions and events"
                from alert_cases c where c.la = ? and c.person_id = ? order by c.raised_at""", id);
    }

    public List<Map<String, Object>> heldRecords(long id) {
        return rows("""
                select h.id as "held record", h.laestab as "school", h.feed, h.location, h.upn as "UPN",
                       h.reason, h.detail, h.status, h.created_at as "held", h.released_at as "released"
                from held_records h where h.la = ? and h.person_id = ? order by h.id""", id);
    }

    public List<Map<String, Object>> reviewDecisions(long id) {
        return rows("""
                select q.id as "review item", q.held_record_id as "held record", q.rule as "candidate by",
                       q.score as "match weight (bits)", q.why, q.status as "decision", q.decided_by as "decided by",
                       q.decided_at as "decided", q.decision_reason as "reason"
                from review_queue q where q.la = ? and (q.candidate_person_id = ? or q.decided_person_id = ?)
                order by q.id""", id, id);
    }

    public List<Map<String, Object>> socialCare(long id) {
        return rows("""
                select social_worker as "has a social worker", looked_after as "looked after",
                       child_protection as "child protection plan", start_date as "from", end_date as "to",
                       loaded_at as "as children's social care reported on"
                from social_care_cases where la = ? and person_id = ? order by start_date""", id);
    }

    public List<Map<String, Object>> views(long id) {
        return rows("""
                select at as "when", actor as "who", role, action as "what", reason, outcome
                from audit_events where la = ? and subject = 'person:' || ? order by id""", id);
    }

    public List<Map<String, Object>> holds(long id) {
        return rows("""
                select reason, review_on as "review on", held_by as "held by", held_at as "held",
                       released_by as "released by", released_at as "released", release_reason as "why released"
                from legal_holds where la = ? and person_id = ? order by id""", id);
    }

    private List<Map<String, Object>> rows(String sql, long... ids) {
        Object[] params = new Object[ids.length + 1];
        params[0] = settings.la();
        for (int i = 0; i < ids.length; i++) {
            params[i + 1] = ids[i];
        }
        return db.sql(sql).params(params).query(SubjectAccessQuery::row).list();
    }

    private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.put(meta.getColumnLabel(c), plain(rs.getObject(c)));
        }
        return row;
    }

    /** A value as JSON and the document show it. */
    private static Object plain(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant().toString();
            case java.sql.Date d -> d.toLocalDate().toString();
            case PGobject o when o.getType().startsWith("json") -> o.getValue() == null ? null
                    : JSON.readValue(o.getValue(), Object.class);
            case PGobject o -> o.getValue();
            case Array a -> List.of((Object[]) a.getArray());
            case java.util.UUID u -> u.toString();
            case String s -> s.strip();
            default -> value;
        };
    }
}
