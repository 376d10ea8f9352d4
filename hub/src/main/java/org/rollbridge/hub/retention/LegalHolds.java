package org.rollbridge.hub.retention;

import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Legal holds: an LA administrator keeps a person's records past their period (litigation, an inquiry, a
 * complaint), with a reason and a day to review the hold, until they release it. Every hold and release is audited.
 */
@Service
public class LegalHolds {

    private final LegalHoldStore store;
    private final AuditLog audit;

    public LegalHolds(LegalHoldStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    public LegalHoldStore.Hold hold(long personId, String reason, LocalDate reviewOn, String by, String role,
                                    LocalDate today) {
        if (reason == null || reason.isBlank()) {
            throw new Refusal.Invalid("A legal hold needs a reason (e.g. the claim or inquiry it is for)");
        }
        if (reviewOn == null || !reviewOn.isAfter(today)) {
            throw new Refusal.Invalid("A legal hold needs a review date after today (reviewOn, YYYY-MM-DD)");
        }
        if (!store.personExists(personId)) {
            throw new Refusal.NotFound("There is no person " + personId + " in the LA's index");
        }
        long id = store.place(personId, reason.strip(), reviewOn, by).orElseThrow(() -> new Refusal.Conflict(
                "Person " + personId + " is already on a legal hold; release it first to change it"));
        audit.record(by, role, AuditAction.LEGAL_HOLD, "person:" + personId, reason.strip(),
                "hold " + id + " until review on " + reviewOn, "ok");
        return store.find(id).orElseThrow();
    }

    public LegalHoldStore.Hold release(long holdId, String reason, String by, String role) {
        if (reason == null || reason.isBlank()) {
            throw new Refusal.Invalid("Releasing a legal hold needs a reason");
        }
        LegalHoldStore.Hold released = store.release(holdId, by, reason.strip())
                .orElseThrow(() -> new Refusal.NotFound("There is no active legal hold " + holdId));
        audit.record(by, role, AuditAction.LEGAL_HOLD_RELEASED, "person:" + released.personId(), reason.strip(),
                "hold " + holdId + " released", "ok");
        return released;
    }

    public List<LegalHoldStore.Hold> active() {
        return store.active();
    }

    public List<LegalHoldStore.Hold> ofPerson(long personId) {
        return store.ofPerson(personId);
    }
}
