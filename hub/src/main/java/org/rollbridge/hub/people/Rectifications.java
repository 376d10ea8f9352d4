package org.rollbridge.hub.people;

import java.util.List;
import java.util.UUID;
import org.rollbridge.core.pupil.CorrectableField;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification (UK GDPR article 16): an LA officer corrects one field of a person's record, giving the reason and
 * the evidence. The correction is shown over the schools' values with its provenance and survives their uploads,
 * until the school it corrected sends a value other than the one it had sent: the school has changed its MIS, and its
 * new value wins. Meanwhile a school whose record disagrees is told on its page. Recording and superseding are
 * audited against the person.
 */
@Service
public class Rectifications {

    private final RectificationStore store;
    private final RectificationQuery query;
    private final AuditLog audit;

    public Rectifications(RectificationStore store, RectificationQuery query, AuditLog audit) {
        this.store = store;
        this.query = query;
        this.audit = audit;
    }

    /** Records a correction; refused when the field may not be corrected, the value is wrong or a reason or evidence is missing. */
    @Transactional
    public RectificationQuery.Rectification record(long personId, String fieldId, String value, String reason,
                                                   String evidence, String by, String role) {
        CorrectableField field = CorrectableField.ofId(fieldId == null ? "" : fieldId.strip())
                .orElseThrow(() -> new Refusal.Invalid("'" + fieldId + "' cannot be corrected; the fields that can "
                        + "are " + CorrectableField.ids()));
        String corrected = switch (field.check(value)) {
            case CorrectableField.Accepted a -> a.value();
            case CorrectableField.Rejected r -> throw new Refusal.Invalid(r.problem());
        };
        if (reason == null || reason.isBlank()) {
            throw new Refusal.Invalid("Give the reason for the correction (for example 'the parent showed the birth "
                    + "certificate'); it is shown with the correction and kept in the audit log");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new Refusal.Invalid("Say what evidence the correction rests on (for example 'birth certificate "
                    + "seen at the school, 3 December 2026')");
        }
        if (!store.personExists(personId)) {
            throw new Refusal.NotFound("There is no person " + personId + " in the LA's index");
        }
        long id = store.record(personId, field, corrected, store.latest(personId, field), reason.strip(),
                evidence.strip(), by, role);
        audit.record(by, role, AuditAction.RECTIFICATION, "person:" + personId, reason.strip(),
                field.id() + " corrected (rectification " + id + ")", "ok");
        return query.ofPerson(personId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /**
     * After a school's batch merged, in its transaction: the corrections whose value the school changed are
     * superseded by the school's new value.
     */
    public List<RectificationStore.Superseded> schoolSent(UUID batchId, String laestab) {
        List<RectificationStore.Superseded> superseded = store.supersedeChanged(batchId, laestab);
        superseded.forEach(s -> audit.record("school " + laestab, "SCHOOL", AuditAction.RECTIFICATION_SUPERSEDED,
                "person:" + s.personId(), null, s.field() + " sent anew in batch " + batchId + " (rectification "
                        + s.id() + ")", "ok"));
        return superseded;
    }
}
