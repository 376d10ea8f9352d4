package org.rollbridge.core.code;

/** DfE main ethnicity codes. Special category data: shown only to roles that need it. */
public enum Ethnicity implements CodeList {
    WBRI("White - British"),
    WIRI("White - Irish"),
    WIRT("Traveller of Irish heritage"),
    WOTH("Any other White background"),
    WROM("Gypsy / Roma"),
    MWBC("White and Black Caribbean"),
    MWBA("White and Black African"),
    MWAS("White and Asian"),
    MOTH("Any other mixed background"),
    AIND("Indian"),
    APKN("Pakistani"),
    ABAN("Bangladeshi"),
    AOTH("Any other Asian background"),
    BCRB("Black Caribbean"),
    BAFR("Black - African"),
    BOTH("Any other Black background"),
    CHNE("Chinese"),
    OOTH("Any other ethnic group"),
    REFU("Refused"),
    NOBT("Information not yet obtained");

    private final String description;

    Ethnicity(String description) {
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
