package org.rollbridge.hub.audit;

/** What an audited event was. */
public enum AuditAction {
    SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, VIEW_PUPIL, SEARCH, CHANGE, REVIEW_DECISION, ALERT_DECISION, AUDIT_SEARCH,
    /** A school page, which lists records held back with their UPNs. */
    VIEW_SCHOOL
}
