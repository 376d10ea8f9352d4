package org.rollbridge.core.code;

/** Enrolment status on the school's admission register. */
public enum EnrolStatus implements CodeList {
    C("Current (single registration)"),
    M("Main dual registration"),
    S("Subsidiary dual registration"),
    G("Guest"),
    P("Previous");

    private final String description;

    EnrolStatus(String description) {
        this.description = description;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String description() {
        return description;
    }

    public boolean dualRegistered() {
        return this == M || this == S;
    }
}
