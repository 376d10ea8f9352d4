package org.rollbridge.core.identity;

import java.util.Objects;

/**
 * Unique pupil number: check letter, LA code (3), establishment (4), year of allocation (2), serial (3).
 * A temporary UPN ends in a letter instead of the last serial digit; it must be replaced by a permanent one.
 * Construct with {@link #of(String)} once {@link #check(String)} says the text is usable.
 */
public record Upn(String value) {

    /** Letters used by UPNs: A to Z without I, O and S. Their index is their value in the check sum. */
    public static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /** What a UPN as written by a school turns out to be. */
    public enum Check {
        VALID, TEMPORARY, MISSING, FORMAT, CHECK_LETTER;

        /** A UPN that can identify a pupil: permanent or temporary with a correct check letter. */
        public boolean usable() {
            return this == VALID || this == TEMPORARY;
        }
    }

    public Upn {
        Objects.requireNonNull(value, "value");
        if (!check(value).usable()) {
            throw new IllegalArgumentException("not a valid UPN: " + value);
        }
    }

    /** A UPN from trusted text; use {@link #check(String)} first on anything a school sent. */
    public static Upn of(String value) {
        return new Upn(value);
    }

    public static Check check(String text) {
        if (text == null || text.isBlank()) {
            return Check.MISSING;
        }
        if (!hasUpnShape(text)) {
            return Check.FORMAT;
        }
        if (text.charAt(0) != checkLetter(text.substring(1))) {
            return Check.CHECK_LETTER;
        }
        return Character.isLetter(text.charAt(12)) ? Check.TEMPORARY : Check.VALID;
    }

    /** Thirteen characters: a letter, eleven digits, then a digit or (temporary) a letter, all from the UPN alphabet. */
    public static boolean hasUpnShape(String text) {
        if (text.length() != 13 || ALPHABET.indexOf(text.charAt(0)) < 0) {
            return false;
        }
        for (int i = 1; i < 12; i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return false;
            }
        }
        char last = text.charAt(12);
        return isAsciiDigit(last) || ALPHABET.indexOf(last) >= 0;
    }

    /**
     * The check letter for characters 2..13 of a UPN: each character's value (digit, or letter index in
     * {@link #ALPHABET}) times its position (2..13), summed, modulo 23, looked up in the alphabet.
     */
    public static char checkLetter(String lastTwelve) {
        if (lastTwelve.length() != 12) {
            throw new IllegalArgumentException("a UPN has 12 characters after its check letter");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char c = lastTwelve.charAt(i);
            int value = isAsciiDigit(c) ? c - '0' : ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a UPN character: " + c);
            }
            sum += value * (i + 2);
        }
        return ALPHABET.charAt(sum % 23);
    }

    /** A permanent UPN with the right check letter, e.g. {@code compose("926", "2001", 25, 7)}. */
    public static Upn compose(String la, String estab, int year, int serial) {
        String body = la + estab + String.format("%02d%03d", year % 100, serial % 1000);
        return new Upn(checkLetter(body) + body);
    }

    /** A temporary UPN: eleven digits then a letter, with its check letter. */
    public static Upn composeTemporary(String la, String estab, int year, int serial, char lastLetter) {
        String body = la + estab + String.format("%02d%02d", year % 100, serial % 100) + lastLetter;
        return new Upn(checkLetter(body) + body);
    }

    public boolean temporary() {
        return Character.isLetter(value.charAt(12));
    }

    /** The LA code of the school that allocated the number (characters 2..4). */
    public String laCode() {
        return value.substring(1, 4);
    }

    /** The establishment number of the school that allocated the number (characters 5..8). */
    public String estab() {
        return value.substring(4, 8);
    }

    /** The two-digit year of allocation (characters 9..10). */
    public String allocationYear() {
        return value.substring(8, 10);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return value;
    }
}
