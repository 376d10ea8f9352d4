package org.rollbridge.synth;

/** Establishment type as Get Information about Schools names it, and whether the LA maintains it. */
public enum SchoolType {
    LA_NURSERY("Local authority nursery school", false),
    COMMUNITY("Community school", false),
    VOLUNTARY_AIDED("Voluntary aided school", false),
    VOLUNTARY_CONTROLLED("Voluntary controlled school", false),
    FOUNDATION("Foundation school", false),
    ACADEMY_CONVERTER("Academy converter", true),
    ACADEMY_SPONSOR_LED("Academy sponsor led", true),
    FREE_SCHOOL("Free schools", true),
    COMMUNITY_SPECIAL("Community special school", false),
    ACADEMY_SPECIAL("Academy special converter", true),
    PUPIL_REFERRAL_UNIT("Pupil referral unit", false),
    ACADEMY_ALTERNATIVE_PROVISION("Academy alternative provision converter", true);

    private final String giasName;
    private final boolean academy;

    SchoolType(String giasName, boolean academy) {
        this.giasName = giasName;
        this.academy = academy;
    }

    public String giasName() {
        return giasName;
    }

    public boolean academy() {
        return academy;
    }

    public String governance() {
        return academy ? "ACADEMY" : "MAINTAINED";
    }
}
