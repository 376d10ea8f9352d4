package org.rollbridge.hub.access;

/** Groups of a pupil's fields that are shown or withheld together. */
public enum FieldGroup {
    IDENTITY("Name, date of birth, sex, UPN, ULN"),
    ADDRESS("Home address and postcode"),
    CONTACTS("Contacts with parental responsibility"),
    SPECIAL_CATEGORY("Ethnicity, religion, nationality, residence status, health and medical flags"),
    SEN("SEN provision, needs and EHCP"),
    FSM("Free school meals eligibility"),
    SOCIAL_CARE("Social worker, looked-after and child protection flags"),
    ENROLMENTS("Schools, admission and leaving dates"),
    ATTENDANCE("Session marks, rates, streaks"),
    EXCLUSIONS("Suspensions and permanent exclusions"),
    PROVENANCE("Which school sent what, when, and how the record was matched");

    private final String fields;

    FieldGroup(String fields) {
        this.fields = fields;
    }

    public String fields() {
        return fields;
    }
}
