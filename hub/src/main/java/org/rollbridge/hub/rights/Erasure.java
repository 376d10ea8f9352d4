package org.rollbridge.hub.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.retention.PersonErasureStore;
import org.rollbridge.hub.retention.UploadErasure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure where the law allows it (an upheld objection, data that should never have been sent): on an
 * administrator's recorded decision the person is deleted at once, exactly as a retention run deletes, and their
 * identifiers go on the suppression list so that a later upload naming them is held for review rather than becoming
 * a record again. A person on a legal hold cannot be erased until the hold is released.
 */
@Service
public class Erasure {

    private final ErasureStore store;
    private final SuppressionStore suppression;
    private final PersonErasureStore erasure;
    private final UploadErasure uploads;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Erasure(ErasureStore store, SuppressionStore suppression, PersonErasureStore erasure, UploadErasure uploads, AuditLog audit,
                   TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.suppression = suppression;
        this.erasure = erasure;
        this.uploads = uploads;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** What was decided: the decision's number and how many identifiers are now suppressed. */
    public record ErasureDecision(long decisionId, int identifiersSuppressed) {
    }

    public ErasureDecision erase(long personId, String reason, String reference, String actor, String role) {
        if (reason == null || reason.isBlank()) {
            throw new Refusal.Invalid("Erasure needs the decision's reason (the legal basis, e.g. an upheld "
                    + "objection under UK GDPR article 21)");
        }
        if (!store.exists(personId)) {
            throw new Refusal.NotFound("There is no person " + personId + " in the LA's index");
        }
        ErasureDecision decision = tx.execute(s -> {
            if (store.onHold(personId)) {
                throw new Refusal.Conflict("Person " + personId + " is on a legal hold; release the hold before "
                        + "erasing them");
            }
            long id = store.decide(actor, reason.strip(), reference == null ? null : reference.strip());
            int suppressed = suppression.suppress(personId, id);
            erasure.erase(List.of(personId), LocalDate.now(clock));
            return new ErasureDecision(id, suppressed);
        });
        uploads.drain();
        audit.record(actor, role, AuditAction.ERASURE, "erasure:" + decision.decisionId(), reason.strip(),
                decision.identifiersSuppressed() + " identifier(s) suppressed", "ok");
        return decision;
    }
}
