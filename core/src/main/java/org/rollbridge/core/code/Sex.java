package org.rollbridge.core.code;

/** Sex (and, in CTF 25, gender) as the DfE common basic data set records it. */
public enum Sex implements CodeList {
    MALE("M", "Male"),
    FEMALE("F", "Female"),
    /** Older files only. */
    UNKNOWN("U", "Unknown"),
    /** Older files only. */
    WITHHELD("W", "Withheld");

    private final String code;
    private final String description;

    Sex(String code, String description) {
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
        return this == UNKNOWN || this == WITHHELD;
    }
}
