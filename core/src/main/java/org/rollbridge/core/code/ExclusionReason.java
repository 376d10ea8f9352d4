package org.rollbridge.core.code;

/** Reason for a suspension or permanent exclusion (DfE school census codes). */
public enum ExclusionReason implements CodeList {
    PP("Physical assault against a pupil"),
    PA("Physical assault against an adult"),
    VP("Verbal abuse or threatening behaviour against a pupil"),
    VA("Verbal abuse or threatening behaviour against an adult"),
    BU("Bullying"),
    RA("Abuse relating to race"),
    LG("Abuse against sexual orientation or gender identity"),
    AD("Abuse relating to disability"),
    SM("Sexual misconduct"),
    DA("Drug and alcohol related"),
    DM("Damage"),
    TH("Theft"),
    PD("Persistent or general disruptive behaviour"),
    MT("Inappropriate use of social media or online technology"),
    WP("Use or threat of use of an offensive weapon or prohibited item"),
    OT("Other");

    private final String description;

    ExclusionReason(String description) {
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
}
