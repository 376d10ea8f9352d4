package org.rollbridge.core.identity;

import java.util.Objects;

/**
 * Unique learner number: ten digits, the first not 0, whose digits weighted 10, 9, ..., 1 sum to 10 modulo 11.
 */
public record Uln(String value) {

    public Uln {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid ULN: " + value);
        }
    }

    public static Uln of(String value) {
        return new Uln(value);
    }

    public static boolean isValid(String text) {
        if (text == null || text.length() != 10 || text.charAt(0) == '0') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * (10 - i);
        }
        return sum % 11 == 10;
    }

    /**
     * The check digit that completes nine leading digits, or -1 when no digit can (one nine-digit stem in
     * eleven has no valid ULN).
     */
    public static int checkDigit(String firstNine) {
        if (firstNine.length() != 9) {
            throw new IllegalArgumentException("a ULN stem has 9 digits");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNine.charAt(i) - '0') * (10 - i);
        }
        int digit = Math.floorMod(10 - sum, 11);
        return digit == 10 ? -1 : digit;
    }

    @Override
    public String toString() {
        return value;
    }
}
