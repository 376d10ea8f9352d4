package org.rollbridge.hub.retention;

import java.time.LocalDate;
import java.util.List;
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

    /** Why a hold or release was refused, in words for the administrator. */
    public static final class Refused extends RuntimeException {
        private final boolean notFound;

        Refused(String message, boolean notFound) {
            super(message);
            this.notFound = notFound;
        }

        public boolean notFound() {
            return notFound;
        }
    }

    public LegalHoldStore.Hold hold(long personId, String reason, LocalDate reviewOn, String by, String role,
                                    LocalDate today) {
        if (reason == null || reason.isBlank()) {
            throw new Refused("A legal hold needs a reason (e.g. the claim or inquiry it is for)", false);
        }
        if (reviewOn == null || !reviewOn.isAfter(today)) {
            throw new Refused("A legal hold needs a review date after today (YYYY-MM-DD)", false);
        }
        if (!store.personExists(personId)) {
            throw new Refused("There is no person " + personId + " in the LA's index", true);
        }
        long id = store.place(personId, reason.strip(), reviewOn, by).orElseThrow(() -> new Refused(
                "Person " + personId + " is already on a legal hold; release it first to change it", false));
        audit.record(by, role, AuditAction.LEGAL_HOLD, "person:" + personId, reason.strip(),
                "hold " + id + " until review on " + reviewOn, "ok");
        return store.find(id).orElseThrow();
    }

    public LegalHoldStore.Hold release(long holdId, String reason, String by, String role) {
        if (reason == null || reason.isBlank()) {
            throw new Refused("Releasing a legal hold needs a reason", false);
        }
        LegalHoldStore.Hold released = store.release(holdId, by, reason.strip())
                .orElseThrow(() -> new Refused("There is no active legal hold " + holdId, true));
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
