package org.rollbridge.core.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school's LAESTAB: the LA code (3 digits) and establishment number (4 digits), e.g. 926 + 2001. */
public record Laestab(String la, String estab) {

    private static final Pattern TEXT = Pattern.compile("^\\s*(\\d{3})\\s*[/\\-]?\\s*(\\d{4})\\s*$");

    public Laestab {
        Objects.requireNonNull(la, "la");
        Objects.requireNonNull(estab, "estab");
        if (!la.matches("\\d{3}") || !estab.matches("\\d{4}")) {
            throw new IllegalArgumentException("a LAESTAB is a 3-digit LA code and a 4-digit establishment number");
        }
    }

    /** Reads {@code 9262001}, {@code 926/2001} or {@code 926-2001}. */
    public static Optional<Laestab> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text);
        return m.matches() ? Optional.of(new Laestab(m.group(1), m.group(2))) : Optional.empty();
    }

    public static Laestab of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a LAESTAB (expected 7 digits such as 9262001): " + text));
    }

    /** The seven-digit form, e.g. {@code 9262001}. */
    public String code() {
        return la + estab;
    }

    @Override
    public String toString() {
        return code();
    }
}
