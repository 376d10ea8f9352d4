package org.rollbridge.hub.access;

import static org.rollbridge.hub.access.Capability.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles a user can hold, each tied to one kind of organisation. Deny unless allowed: a role may do only what
 * its capabilities list, and sees a pupil's fields only as {@link FieldAccess} allows.
 */
public enum Role {
    LA_ADMIN(OrganisationKind.LA, "LA administrator (whole system, exports)",
            EnumSet.of(LA_OVERVIEW, ALERT_QUEUE, ALERT_VIEW, PUPIL_RECORD, SCHOOL_PAGE, REVIEW_QUEUE, RECTIFY,
                    AUDIT_SEARCH, ADMINISTER, PUPIL_EXPORT, SHARING_OPT_OUTS)),
    LA_ATTENDANCE_OFFICER(OrganisationKind.LA, "LA attendance officer",
            EnumSet.of(LA_OVERVIEW, ALERT_QUEUE, ALERT_VIEW, PUPIL_RECORD, SCHOOL_PAGE, SHARING_OPT_OUTS)),
    LA_CME_OFFICER(OrganisationKind.LA, "LA children missing education officer",
            EnumSet.of(ALERT_QUEUE, ALERT_VIEW, PUPIL_RECORD, SHARING_OPT_OUTS)),
    SOCIAL_CARE_VIEWER(OrganisationKind.LA, "Social care viewer (children with a social worker, looked after or on a CP plan)",
            EnumSet.of(ALERT_VIEW, PUPIL_RECORD)),
    LA_ANALYST(OrganisationKind.LA, "LA analyst (aggregates and pseudonymised data only)",
            EnumSet.of(LA_OVERVIEW, PLANNING_EXPORT)),
    SCHOOL_DATA_MANAGER(OrganisationKind.SCHOOL, "School data manager (own school)",
            EnumSet.of(SCHOOL_PAGE, ALERT_VIEW, PUPIL_RECORD, ANSWER_HELD, SHARING_OPT_OUTS)),
    TRUST_VIEWER(OrganisationKind.TRUST, "Trust viewer (the trust's schools)",
            EnumSet.of(TRUST_OVERVIEW)),
    DFE_ANALYST(OrganisationKind.DFE, "DfE analyst (national aggregates)",
            EnumSet.of(NATIONAL_VIEW));

    private final OrganisationKind organisationKind;
    private final String description;
    private final Set<Capability> capabilities;

    Role(OrganisationKind organisationKind, String description, Set<Capability> capabilities) {
        this.organisationKind = organisationKind;
        this.description = description;
        this.capabilities = Set.copyOf(capabilities);
    }

    public boolean may(Capability capability) {
        return capabilities.contains(capability);
    }

    public Set<Capability> capabilities() {
        return capabilities;
    }

    public OrganisationKind organisationKind() {
        return organisationKind;
    }

    public String description() {
        return description;
    }

    /** The cohort rule: a social care viewer sees only children in a social care cohort; others are not limited. */
    public boolean admits(PupilFacts pupil) {
        return this != SOCIAL_CARE_VIEWER || pupil.inSocialCareCohort();
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
