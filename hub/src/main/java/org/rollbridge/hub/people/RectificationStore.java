package org.rollbridge.hub.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rollbridge.core.pupil.CorrectableField;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Rectifications as they are recorded, replaced by a later one, and superseded when the school changes its value. */
@Component
public class RectificationStore {

    /** A school record's value of a rectification's field, as text (aliases {@code p}, pupils; and the field). */
    static String schoolValue(String field) {
        return "case " + field + " when 'forename' then p.forename when 'surname' then p.surname "
                + "when 'dob' then p.dob::text when 'sex' then p.sex when 'postcode' then p.postcode end";
    }

    private final JdbcClient db;
    private final HubProperties settings;

    public RectificationStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** The school whose record the LA corrects (the person's latest) and what it sent for the field. */
    public record SchoolValue(String laestab, String value) {
    }

    public boolean personExists(long personId) {
        return db.sql("select exists (select 1 from persons where la = ? and id = ?)").params(settings.la(), personId)
                .query(Boolean.class).single();
    }

    public Optional<SchoolValue> latest(long personId, CorrectableField field) {
        return db.sql("select p.laestab, " + schoolValue("?") + " from pupils p where p.la = ? and p.person_id = ? "
                        + "order by p.updated_at desc limit 1")
                .params(field.id(), settings.la(), personId)
                .query((rs, n) -> new SchoolValue(rs.getString(1), rs.getString(2))).optional();
    }

    /** Records a correction in place of any the field had; returns its id. */
    public long record(long personId, CorrectableField field, String value, Optional<SchoolValue> school,
                       String reason, String evidence, String by, String role) {
        db.sql("""
                update rectifications set status = 'replaced', ended_at = now()
                where la = ? and person_id = ? and field = ? and status = 'active'""")
                .params(settings.la(), personId, field.id()).update();
        return db.sql("""
                insert into rectifications (la, person_id, field, corrected_value, laestab, school_value, reason,
                                            evidence, recorded_by, recorded_role)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(settings.la(), personId, field.id(), value, school.map(SchoolValue::laestab).orElse(null),
                        school.map(SchoolValue::value).orElse(null), reason, evidence, by, role)
                .query(Long.class).single();
    }

    /** A correction the school's new value took the place of. */
    public record Superseded(long id, long personId, String field) {
    }

    /**
     * After the school's batch merged: each active correction of the school's records whose value the batch changed
     * (a value other than the one the school had sent when the correction was made) is superseded by it.
     */
    public List<Superseded> supersedeChanged(UUID batchId, String laestab) {
        return db.sql("""
                with changed as (
                    select r.id, %s as now_sent
                    from rectifications r
                    join pupils p on p.la = r.la and p.person_id = r.person_id and p.laestab = r.laestab
                    where r.la = ? and r.laestab = ? and r.status = 'active' and p.batch_id = ?)
                update rectifications r set status = 'superseded', ended_at = now(), superseded_batch = ?,
                       superseding_value = c.now_sent
                from changed c where r.id = c.id and c.now_sent is distinct from r.school_value
                returning r.id, r.person_id, r.field""".formatted(schoolValue("r.field")))
                .params(settings.la(), laestab, batchId, batchId)
                .query((rs, n) -> new Superseded(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }
}
