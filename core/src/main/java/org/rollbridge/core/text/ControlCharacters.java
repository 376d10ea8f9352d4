package org.rollbridge.core.text;

/**
 * Control characters inside a value (NUL, BEL, ESC, ...: C0 and C1, apart from tab, line feed and carriage
 * return, which are whitespace and judged as such). No value a school sends may hold one; they are invisible on
 * screen, and PostgreSQL refuses a NUL in any text, so a value that holds one is shown as {@code [U+0000]}.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** The index of the first control character in {@code text}, or -1 (also for null). */
    public static int first(String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                if (isControl(text.charAt(i))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** {@code text} with each control character written as {@code [U+0000]}; the same string when it has none. */
    public static String shown(String text) {
        int first = first(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                out.append('[').append(name(c)).append(']');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The character's code point as people look it up, e.g. U+0000. */
    public static String name(char c) {
        return String.format("U+%04X", (int) c);
    }
}
