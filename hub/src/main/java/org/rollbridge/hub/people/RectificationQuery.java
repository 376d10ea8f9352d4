package org.rollbridge.hub.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.rollbridge.core.pupil.CorrectableField;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The LA's corrections of a person's record, for the pupil page and the API, and where a school's MIS disagrees. */
@Component
public class RectificationQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public RectificationQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * One correction with its provenance: who, when, why, on what evidence; what the school had sent, and, once
     * superseded, what the school sent instead. The field is its id ({@code dob}) and its label ("Date of birth").
     */
    public record Rectification(long id, long personId, String field, String fieldLabel, String correctedValue,
                                String laestab, String schoolValue, String reason, String evidence, String recordedBy,
                                String recordedRole, Instant recordedAt, String status, Instant endedAt,
                                String supersedingValue) {

        public boolean active() {
            return "active".equals(status);
        }
    }

    /** The person's corrections, newest first. */
    public List<Rectification> ofPerson(long personId) {
        return db.sql("""
                select id, person_id, field, corrected_value, laestab, school_value, reason, evidence, recorded_by,
                       recorded_role, recorded_at, status, ended_at, superseding_value
                from rectifications where la = ? and person_id = ? order by recorded_at desc, id desc""")
                .params(settings.la(), personId).query((rs, n) -> rectification(rs)).list();
    }

    /** A pupil whose record at the school says something else than the LA's correction of it. */
    public record Disagreement(long personId, String upn, String field, String fieldLabel, String schoolSays,
                               String laSays, String reason, Instant correctedAt) {
    }

    /** Where the school's latest record of its pupils disagrees with an active correction, pupil by pupil. */
    public List<Disagreement> disagreements(String laestab) {
        return db.sql("""
                select r.person_id, p.upn, r.field, %s as school_says, r.corrected_value, r.reason, r.recorded_at
                from rectifications r join pupils p on p.la = r.la and p.person_id = r.person_id
                where r.la = ? and p.laestab = ? and r.status = 'active'
                  and %s is distinct from r.corrected_value
                order by p.upn, r.field""".formatted(RectificationStore.schoolValue("r.field"),
                        RectificationStore.schoolValue("r.field")))
                .params(settings.la(), laestab)
                .query((rs, n) -> new Disagreement(rs.getLong(1), rs.getString(2).strip(), rs.getString(3),
                        label(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7))).list();
    }

    private static Rectification rectification(ResultSet rs) throws SQLException {
        return new Rectification(rs.getLong(1), rs.getLong(2), rs.getString(3), label(rs.getString(3)), rs.getString(4),
                rs.getString(5) == null ? null : rs.getString(5).strip(), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11), rs.getString(12),
                instant(rs, 13), rs.getString(14));
    }

    private static String label(String field) {
        return CorrectableField.ofId(field).map(CorrectableField::label).orElse(field);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
