package org.rollbridge.core.matching;

import java.util.List;

/**
 * The fields compared by the probabilistic rule, each with its agreement levels from strongest to weakest.
 * The last level of every field is MISSING (either side empty): it carries no weight either way.
 */
public enum MatchField {
    UPN("upn", List.of("AGREE", "CLOSE", "DIFFERENT", "MISSING")),
    ULN("uln", List.of("AGREE", "DIFFERENT", "MISSING")),
    FORENAME("forename", List.of("EXACT", "EQUIVALENT", "CLOSE", "SIMILAR", "DIFFERENT", "MISSING")),
    SURNAME("surname", List.of("EXACT", "PART", "CLOSE", "SIMILAR", "DIFFERENT", "MISSING")),
    DOB("dob", List.of("EXACT", "DAY_MONTH_SWAPPED", "ONE_DIGIT", "DIFFERENT", "MISSING")),
    SEX("sex", List.of("AGREE", "DIFFERENT", "MISSING")),
    POSTCODE("postcode", List.of("EXACT", "SECTOR", "DISTRICT", "DIFFERENT", "MISSING"));

    private final String column;
    private final List<String> levels;

    MatchField(String column, List<String> levels) {
        this.column = column;
        this.levels = levels;
    }

    /** The name used in explain output: {@code weight_} + this. */
    public String column() {
        return column;
    }

    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    public int missing() {
        return levels.size() - 1;
    }

    public int level(String name) {
        int i = levels.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(this + " has no level " + name);
        }
        return i;
    }
}
