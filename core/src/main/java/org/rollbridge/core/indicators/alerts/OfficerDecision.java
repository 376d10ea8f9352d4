package org.rollbridge.core.indicators.alerts;

import java.util.Optional;

/**
 * What an officer may do to a case, and from which status: raised → assigned → acknowledged → resolved. Assigning
 * again (to someone else) is allowed until the case is resolved; a resolved case stays resolved (the rules raise a
 * new case if the situation gets worse, {@link CaseChange}).
 */
public enum OfficerDecision {
    ASSIGN("assigned", "it is resolved; a resolved case cannot be assigned"),
    ACKNOWLEDGE("acknowledged", "only a raised or assigned case can be acknowledged"),
    RESOLVE("resolved", "it is already resolved");

    private final String event;
    private final String refusal;

    OfficerDecision(String event, String refusal) {
        this.event = event;
        this.refusal = refusal;
    }

    /** The event recorded in the case's history. */
    public String event() {
        return event;
    }

    /** The status after this decision, or empty when a case in status {@code now} does not allow it. */
    public Optional<CaseStatus> from(CaseStatus now) {
        return Optional.ofNullable(switch (this) {
            case ASSIGN -> now == CaseStatus.RESOLVED ? null
                    : now == CaseStatus.RAISED ? CaseStatus.ASSIGNED : now;
            case ACKNOWLEDGE -> now == CaseStatus.RAISED || now == CaseStatus.ASSIGNED ? CaseStatus.ACKNOWLEDGED
                    : null;
            case RESOLVE -> now == CaseStatus.RESOLVED ? null : CaseStatus.RESOLVED;
        });
    }

    /** Why the decision is refused when {@link #from} is empty, to follow "Alert case N is STATUS: ". */
    public String refusal() {
        return refusal;
    }
}
