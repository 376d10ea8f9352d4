package org.rollbridge.core.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison form of a name: upper case, accents removed, and spaces, hyphens, apostrophes and any other
 * non-letters dropped, so {@code O'Brien}, {@code OBrien} and {@code o brien} compare equal, as do
 * {@code Zoë} and {@code Zoe}.
 */
public final class NameKey {

    private NameKey() {
    }

    /** The normalised name; empty for null or blank text. */
    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            appendLetter(out, decomposed.charAt(i));
        }
        return out.toString();
    }

    /** The parts of a double-barrelled or multi-word name, each normalised ({@code Smith-Jones} -> SMITH, JONES). */
    public static List<String> parts(String name) {
        List<String> parts = new ArrayList<>(2);
        if (name == null) {
            return parts;
        }
        for (String part : name.split("[\\s\\-\u2010\u2011\u2013]+")) {
            String key = of(part);
            if (!key.isEmpty()) {
                parts.add(key);
            }
        }
        return parts;
    }

    private static void appendLetter(StringBuilder out, char c) {
        if (c >= 'a' && c <= 'z') {
            out.append((char) (c - 32));
            return;
        }
        if (c >= 'A' && c <= 'Z') {
            out.append(c);
            return;
        }
        if (c < 128 || Character.getType(c) == Character.NON_SPACING_MARK) {
            return; // digits, punctuation, spaces and the accents NFD split off
        }
        // Letters that do not decompose into a base letter and a mark.
        switch (Character.toUpperCase(c)) {
            case 'Ø' -> out.append('O');
            case 'Ł' -> out.append('L');
            case 'Đ' -> out.append('D');
            case 'Ħ' -> out.append('H');
            case 'Æ' -> out.append("AE");
            case 'Œ' -> out.append("OE");
            case 'ß', 'ẞ' -> out.append("SS");
            case 'Þ' -> out.append("TH");
            default -> {
                if (Character.isLetter(c)) {
                    out.append(Character.toUpperCase(c)); // other scripts kept as they are
                }
            }
        }
    }
}
