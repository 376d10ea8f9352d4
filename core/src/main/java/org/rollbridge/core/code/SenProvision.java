package org.rollbridge.core.code;

/** Special educational needs provision. */
public enum SenProvision implements CodeList {
    E("Education, health and care plan"),
    K("SEN support"),
    N("No special educational provision"),
    /** Before 2014: statement of SEN. */
    S("Statement (before 2014)"),
    /** Before 2014: School Action. */
    A("School Action (before 2014)"),
    /** Before 2014: School Action Plus. */
    P("School Action Plus (before 2014)");

    private final String description;

    SenProvision(String description) {
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

    @Override
    public boolean legacy() {
        return this == S || this == A || this == P;
    }
}
