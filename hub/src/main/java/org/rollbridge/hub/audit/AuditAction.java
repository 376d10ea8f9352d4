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
    /** An LA officer's correction of a person's record, and its end when the school sent a new value. */
    RECTIFICATION, RECTIFICATION_SUPERSEDED,
    /** A pupil-level export; the subject is the file's SHA-256, the detail the pupils it holds. */
    EXPORT,
    /** A pupil's or a school's opt-out from an onward sharing agreement, and its withdrawal (docs/sharing.md). */
    SHARING_OPT_OUT, SHARING_OPT_OUT_WITHDRAWN,
    /** A file delivered under a sharing agreement (or not, when the recipient refused it). */
    SHARING_DELIVERY,
    /** The recipient's acknowledgement of a day's files delivered to a folder, recorded by the LA. */
    SHARING_ACKNOWLEDGED,
    /** An account created, its role or organisation changed, disabled, enabled or its second factor reset. */
    USER_ADMINISTRATION,
    /** The DfE's establishment and trust-links file loaded; the detail counts the schools and links. */
    TRUST_LINKS_LOADED,
    /** A school's upload credential issued or revoked, or its sending paused or resumed by the LA. */
    SCHOOL_ACCESS,
    /** The quarterly access review's decision: the accounts reviewed and those disabled. */
    ACCESS_REVIEW,
    /** A batch's validation report read (page, CSV or API): it names the pupils of its findings. */
    VIEW_REPORT,
    /** Records held back, read through the API: their UPNs and details. */
    VIEW_HELD,
    /** The audit log's search result exported as CSV. */
    AUDIT_EXPORT,
    /** An administrator's personal API token made for them, or revoked. */
    ADMIN_TOKEN_ISSUED, ADMIN_TOKEN_REVOKED,
    /** A school's answer to the LA's question on a record of its own held as unmatched. */
    SCHOOL_ANSWER
}
