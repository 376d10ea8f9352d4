package org.rollbridge.core.code;

/** Type of special educational need (primary and secondary needs are ranked). */
public enum SenNeed implements CodeList {
    SPLD("Specific learning difficulty"),
    MLD("Moderate learning difficulty"),
    SLD("Severe learning difficulty"),
    PMLD("Profound and multiple learning difficulty"),
    SEMH("Social, emotional and mental health"),
    SLCN("Speech, language and communication needs"),
    HI("Hearing impairment"),
    VI("Visual impairment"),
    MSI("Multi-sensory impairment"),
    PD("Physical disability"),
    ASD("Autistic spectrum disorder"),
    OTH("Other difficulty or disability"),
    NSA("SEN support but no specialist assessment of type of need");

    private final String description;

    SenNeed(String description) {
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
