package org.rollbridge.core.code;

/** Exclusion category. {@code FIXD} (fixed period) is the old name for a suspension. */
public enum ExclusionCategory implements CodeList {
    SUSP("SUSP", "Suspension"),
    PERM("PERM", "Permanent exclusion"),
    LNCH("LNCH", "Lunchtime suspension"),
    FIXD("FIXD", "Fixed period exclusion (old name for a suspension)");

    private final String code;
    private final String description;

    ExclusionCategory(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean legacy() {
        return this == FIXD;
    }

    /** FIXD reads as SUSP. */
    public ExclusionCategory current() {
        return this == FIXD ? SUSP : this;
    }
}
