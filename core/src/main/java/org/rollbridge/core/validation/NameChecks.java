package org.rollbridge.core.validation;

import java.util.ArrayList;
import java.util.List;
import org.rollbridge.core.pupil.Pupil;

/** Legal and preferred names: present, no stray spaces (they break matching), no characters a name cannot have. */
public final class NameChecks {

    private NameChecks() {
    }

    public static void names(Pupil pupil, CheckContext context, FindingSink out) {
        boolean noSurname = pupil.surname() == null || pupil.surname().isBlank();
        boolean noForename = pupil.forename() == null || pupil.forename().isBlank();
        if (noSurname || noForename) {
            String missing = noSurname && noForename ? "surname or forename" : noSurname ? "surname" : "forename";
            out.add(Rule.NAME_MISSING, noSurname && !noForename ? "Surname" : noSurname ? "Surname/Forename"
                    : "Forename", null, missing);
        }
        name("Surname", "surname", pupil.surname(), out);
        name("Forename", "forename", pupil.forename(), out);
        name("MiddleNames", "middle names", pupil.middleNames(), out);
        name("PreferredSurname", "preferred surname", pupil.preferredSurname(), out);
        name("PreferredForename", "preferred forename", pupil.preferredForename(), out);
    }

    /** Whitespace and character rules for one name; also used for names in the CSV feeds. */
    public static void name(String field, String label, String value, FindingSink out) {
        if (value == null || value.isBlank()) {
            return;
        }
        String spaces = strayWhitespace(value);
        if (spaces != null) {
            out.add(Rule.NAME_WHITESPACE, field, value, label, value, spaces);
        }
        String bad = badCharacters(value);
        if (bad != null) {
            out.add(Rule.NAME_CHARACTERS, field, value, label, value, bad);
        }
    }

    /** Describes leading, trailing or doubled spaces (and tabs or line breaks), or null when there are none. */
    static String strayWhitespace(String value) {
        if (!Character.isWhitespace(value.charAt(0)) && !Character.isWhitespace(value.charAt(value.length() - 1))
                && noRunOrOddSpace(value)) {
            return null;
        }
        List<String> found = new ArrayList<>();
        if (Character.isWhitespace(value.charAt(0))) {
            found.add("a leading space");
        }
        if (Character.isWhitespace(value.charAt(value.length() - 1))) {
            found.add("a trailing space");
        }
        for (int i = 1; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) && Character.isWhitespace(value.charAt(i - 1))) {
                found.add("doubled spaces");
                break;
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) && c != ' ') {
                found.add("a tab or line break");
                break;
            }
        }
        return found.isEmpty() ? null : String.join(" and ", found);
    }

    private static boolean noRunOrOddSpace(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || (i > 0 && Character.isWhitespace(value.charAt(i - 1))))) {
                return false;
            }
        }
        return true;
    }

    /** Lists the characters a name cannot hold (anything but letters, marks, space, hyphen, apostrophe, full stop). */
    static String badCharacters(String value) {
        if (allAllowed(value)) {
            return null;
        }
        StringBuilder bad = new StringBuilder();
        value.codePoints().distinct().forEach(cp -> {
            if (!allowed(cp)) {
                if (!bad.isEmpty()) {
                    bad.append(", ");
                }
                bad.append(Character.isISOControl(cp) || Character.isWhitespace(cp)
                        ? String.format("U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'");
            }
        });
        return bad.isEmpty() ? null : bad.toString();
    }

    private static boolean allAllowed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean asciiLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!asciiLetter && (c < 128 ? !allowed(c) : Character.isSurrogate(c) || !allowed(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
            return true;
        }
        return cp == ' ' || cp == '-' || cp == '\'' || cp == '\u2019' || cp == '.' || cp == '\u2010';
    }
}
