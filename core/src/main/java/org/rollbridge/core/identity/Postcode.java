package org.rollbridge.core.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A UK postcode in its normal form: upper case, one space before the inward code (e.g. {@code NR6 6LY}). */
public record Postcode(String value) {

    private static final Pattern FORMAT = Pattern.compile(
            "^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|([A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?)|[0-9][A-HJKPS-UW]) [0-9][ABD-HJLNP-UW-Z]{2})$");

    public Postcode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a postcode in normal form: " + value);
        }
    }

    /** The postcode in normal form, if the text is one once case and spacing are normalised. */
    public static Optional<Postcode> parse(String text) {
        String normal = normalise(text);
        return normal != null && FORMAT.matcher(normal).matches() ? Optional.of(new Postcode(normal)) : Optional.empty();
    }

    /**
     * Upper-cases and puts exactly one space before the last three characters; null for blank text.
     * Does not validate: a normalised text may still be no postcode.
     */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String compact = withoutWhitespace(text).toUpperCase(Locale.ROOT);
        if (compact.isEmpty()) {
            return null;
        }
        if (compact.length() < 4) {
            return compact;
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /** The text without the characters regex {@code \\s} matches (space, tab, line breaks, form feed, VT). */
    private static String withoutWhitespace(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (space && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!space && b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /** The outward code: the part before the space (e.g. {@code NR6}). */
    public String outward() {
        return value.substring(0, value.indexOf(' '));
    }

    /** Postcode sector, e.g. {@code NR6 6}: a coarse area that identifies no household. */
    public String sector() {
        return value.substring(0, value.length() - 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
