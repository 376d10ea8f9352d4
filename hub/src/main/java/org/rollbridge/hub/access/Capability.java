package org.rollbridge.hub.access;

/** What a user may do; every page and user-facing endpoint requires exactly one. */
public enum Capability {
    LA_OVERVIEW("LA attendance overview and breakdowns"),
    ALERT_QUEUE("Alert queues: assign, acknowledge, resolve"),
    ALERT_VIEW("Alert cases of the pupils the role may see (read only)"),
    PUPIL_RECORD("A pupil's page, within the role's fields and cohort"),
    SCHOOL_PAGE("A school's feed freshness, batches, validation report, held records"),
    REVIEW_QUEUE("Matching review decisions"),
    RECTIFY("Correcting a person's record (rectification), with reason and evidence"),
    AUDIT_SEARCH("Searching the audit log"),
    TRUST_OVERVIEW("Overview of the trust's schools"),
    NATIONAL_VIEW("The DfE's national view, with no school identifiable"),
    PUPIL_EXPORT("Pupil-level exports, password-protected XLSX (whole-system access only)"),
    PLANNING_EXPORT("Pseudonymised pupil data for a planning purpose, password-protected XLSX"),
    ANSWER_HELD("Answering the LA's question on the school's own records held as unmatched"),
    SHARING_OPT_OUTS("Recording and withdrawing opt-outs from onward sharing: a pupil's, or the school's from the DfE feed"),
    ADMINISTER("Users, organisations, school credentials, retention and legal holds, people's rights");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
