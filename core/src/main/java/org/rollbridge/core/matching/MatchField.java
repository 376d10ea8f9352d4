package org.rollbridge.core.matching;

import java.util.List;

/**
 * The fields compared by the probabilistic rule, each with its agreement levels from strongest to weakest; a pair
 * takes the first level it reaches. The last level of every field is MISSING (either side empty): it carries no
 * weight either way. At most 16 levels a field (agreement patterns are packed four bits a field).
 *
 * <ul>
 * <li>UPN: the same; one keying error; different where either is temporary or fails its check letter (a typing
 *     slip, or a number still to be replaced); different where both are valid permanent numbers (two children).
 * <li>Names: exact; EQUIVALENT forenames (nickname or transliteration table) or PART of a double surname;
 *     Jaro-Winkler bands CLOSE (at least 0.94, or one edit), NEAR (0.88), then PHONETIC (same Double Metaphone
 *     code), SIMILAR (Jaro-Winkler 0.80); INITIAL (forenames: only the first letter agrees); different.
 * <li>Date of birth: exact; day and month swapped; year one out, day and month right; one digit different;
 *     the same month and year (a form that asked only for those); different.
 * </ul>
 */
public enum MatchField {
    UPN("upn", List.of("AGREE", "CLOSE", "UNCHECKED_DIFFERENT", "DIFFERENT", "MISSING")),
    ULN("uln", List.of("AGREE", "DIFFERENT", "MISSING")),
    FORENAME("forename", List.of("EXACT", "EQUIVALENT", "CLOSE", "NEAR", "PHONETIC", "SIMILAR", "INITIAL",
            "DIFFERENT", "MISSING")),
    SURNAME("surname", List.of("EXACT", "PART", "CLOSE", "NEAR", "PHONETIC", "SIMILAR", "DIFFERENT", "MISSING")),
    DOB("dob", List.of("EXACT", "DAY_MONTH_SWAPPED", "YEAR_OFF_BY_ONE", "ONE_DIGIT", "MONTH_AND_YEAR", "DIFFERENT",
            "MISSING")),
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

    /** A level in words for the person reviewing a match: "exactly the same", "day and month swapped". */
    public static String levelInWords(String level) {
        return switch (level) {
            case "AGREE", "EXACT" -> "exactly the same";
            case "CLOSE" -> "one or two characters different";
            case "UNCHECKED_DIFFERENT" -> "different (one fails its check digit)";
            case "EQUIVALENT" -> "a known equivalent name";
            case "NEAR" -> "nearly the same spelling";
            case "PHONETIC" -> "sounds the same";
            case "SIMILAR" -> "a similar spelling";
            case "INITIAL" -> "same initial";
            case "PART" -> "one part of the name the same";
            case "DAY_MONTH_SWAPPED" -> "day and month swapped";
            case "YEAR_OFF_BY_ONE" -> "year one out";
            case "ONE_DIGIT" -> "one digit different";
            case "MONTH_AND_YEAR" -> "same month and year";
            case "SECTOR" -> "same postcode sector";
            case "DISTRICT" -> "same postcode district";
            case "DIFFERENT" -> "not the same";
            case "MISSING" -> "not given on one side";
            default -> level.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
