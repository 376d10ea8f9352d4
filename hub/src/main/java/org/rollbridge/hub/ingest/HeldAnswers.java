package org.rollbridge.hub.ingest;

import org.rollbridge.core.matching.SchoolAnswer;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.Actor;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school answers the LA's question on a pupil record of its own held because it matched nobody (core's
 * {@link SchoolAnswer}), from its page or through the API; the LA's reviewer sees the answer with the record.
 * The same for both: checked by core, kept by {@link HeldAnswerStore}, audited.
 */
@Service
public class HeldAnswers {

    private final HeldAnswerStore store;
    private final AuditLog audit;

    public HeldAnswers(HeldAnswerStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Keeps a checked answer. Refused as not found when the school has no record with this id still held that it
     * is asked about (another school's record reads the same, so nothing leaks).
     */
    @Transactional
    public void answer(Actor who, String laestab, long heldId, SchoolAnswer.Answer answer) {
        if (!store.answer(laestab, heldId, answer, who.username())) {
            throw new Refusal.NotFound("School " + laestab + " has no record " + heldId
                    + " held as unmatched to answer for");
        }
        audit.record(who, AuditAction.SCHOOL_ANSWER, "held:" + heldId, answer.previouslyAt(),
                "school " + laestab + " answered " + answer.answer().id());
    }
}
