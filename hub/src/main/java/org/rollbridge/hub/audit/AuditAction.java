package org.rollbridge.hub.audit;

/** What an audited event was. */
public enum AuditAction {
    SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, VIEW_PUPIL, SEARCH, CHANGE, REVIEW_DECISION, ALERT_DECISION, AUDIT_SEARCH,
    /** A school page, which lists records held back with their UPNs. */
    VIEW_SCHOOL,
    /** A retention run, real or dry (docs/retention.md). */
    RETENTION_RUN,
    /** A legal hold placed on a person's records, or released. */
    LEGAL_HOLD, LEGAL_HOLD_RELEASED,
    /** Everything the hub holds on a person, produced for them. */
    SUBJECT_ACCESS,
    /** A person erased on a recorded decision; the subject is the decision, not the person. */
    ERASURE,
    /** A pupil-level export; the subject is the file's SHA-256, the detail the pupils it holds. */
    EXPORT,
    /** A pupil's or a school's opt-out from an onward sharing agreement, and its withdrawal (docs/sharing.md). */
    SHARING_OPT_OUT, SHARING_OPT_OUT_WITHDRAWN,
    /** A file delivered under a sharing agreement. */
    SHARING_DELIVERY,
    /** A batch's validation report read (page, CSV or API): it names the pupils of its findings. */
    VIEW_REPORT,
    /** Records held back, read through the API: their UPNs and details. */
    VIEW_HELD,
    /** The audit log's search result exported as CSV. */
    AUDIT_EXPORT,
    /** An administrator's personal API token made for them, or revoked. */
    ADMIN_TOKEN_ISSUED, ADMIN_TOKEN_REVOKED
}
