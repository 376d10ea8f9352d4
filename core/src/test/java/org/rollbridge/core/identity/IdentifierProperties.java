package org.rollbridge.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.testing.Seed;
import org.rollbridge.core.testing.SeededCases;

class IdentifierProperties {

    /** Every character a UPN may hold: substitutions draw from it (anything else fails the shape check outright). */
    private static final String UPN_CHARACTERS = "0123456789" + Upn.ALPHABET;

    private static long ulnMutations;
    private static long ulnDetected;

    static String permanentUpn(Seed seed) {
        return Upn.compose(String.format("%03d", seed.between(0, 999)), String.format("%04d", seed.between(0, 9999)),
                seed.between(0, 99), seed.between(0, 999)).value();
    }

    static String temporaryUpn(Seed seed) {
        return Upn.composeTemporary(String.format("%03d", seed.between(0, 999)),
                String.format("%04d", seed.between(0, 9999)), seed.between(0, 99), seed.between(0, 99),
                Upn.ALPHABET.charAt(seed.between(0, Upn.ALPHABET.length() - 1))).value();
    }

    static String upn(Seed seed) {
        return seed.chance(0.5) ? permanentUpn(seed) : temporaryUpn(seed);
    }

    /** Nine digits, the first not 0, whose check digit exists (a remainder of 10 has none), then that digit. */
    static String uln(Seed seed) {
        while (true) {
            String stem = seed.between(1, 9) + seed.string("0123456789", 8, 8);
            if (Uln.checkDigit(stem) >= 0) {
                return stem + Uln.checkDigit(stem);
            }
        }
    }

    @SeededCases
    void composedUpnsAreValid(Seed seed) {
        String upn = permanentUpn(seed);
        assertThat(Upn.check(upn)).isEqualTo(Upn.Check.VALID);
        assertThat(Upn.of(upn).temporary()).isFalse();
    }

    @SeededCases
    void composedTemporaryUpnsAreTemporary(Seed seed) {
        String upn = temporaryUpn(seed);
        assertThat(Upn.check(upn)).isEqualTo(Upn.Check.TEMPORARY);
        assertThat(Upn.of(upn).temporary()).isTrue();
    }

    /**
     * Every single-character substitution is caught: a changed value v to v' at weight w (2..13) moves the sum
     * by w(v'-v), never a multiple of 23 since 23 is prime and both factors are smaller. A digit swapped for the
     * letter of equal value in the last place (0 to A, 1 to B, ...) keeps the sum but turns a permanent UPN into a
     * temporary one (and back), so "detected" means the check no longer gives the original verdict.
     */
    @SeededCases
    void everySubstitutionIsDetected(Seed seed) {
        String upn = upn(seed);
        Upn.Check original = Upn.check(upn);
        List<String> undetected = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < upn.length(); i++) {
            for (char c : UPN_CHARACTERS.toCharArray()) {
                if (c == upn.charAt(i)) {
                    continue;
                }
                String mutated = upn.substring(0, i) + c + upn.substring(i + 1);
                tried++;
                if (Upn.check(mutated) == original) {
                    undetected.add(mutated);
                }
            }
        }
        assertThat(tried).isEqualTo(13 * (UPN_CHARACTERS.length() - 1));
        assertThat(undetected).isEmpty();
    }

    /** Swapping neighbours a, b at weights w, w+1 moves the sum by (a - b), never 0 mod 23 when a != b. */
    @SeededCases
    void everyAdjacentTranspositionIsDetected(Seed seed) {
        String upn = upn(seed);
        Upn.Check original = Upn.check(upn);
        for (int i = 0; i + 1 < upn.length(); i++) {
            if (upn.charAt(i) == upn.charAt(i + 1)) {
                continue; // swapping equal characters changes nothing
            }
            String swapped = swap(upn, i);
            assertThat(Upn.check(swapped)).as("%s swapped at %d", upn, i).isNotEqualTo(original);
        }
    }

    @SeededCases
    void generatedUlnsAreValid(Seed seed) {
        String uln = uln(seed);
        assertThat(Uln.isValid(uln)).isTrue();
        assertThat(Uln.of(uln).value()).isEqualTo(uln);
    }

    /**
     * Measures ULN error detection. Weights 10..1 are all non-zero mod 11, and 11 is prime, so a substitution
     * (sum moves by w*d, 0 < |d| <= 9) or an adjacent transposition (sum moves by a - b) can never keep the sum
     * at 10 mod 11: the floor is therefore the full 100%, and any lower figure is a defect.
     */
    @SeededCases
    void ulnSubstitutionsAndTranspositionsAreDetected(Seed seed) {
        String uln = uln(seed);
        List<String> mutations = new ArrayList<>();
        for (int i = 0; i < uln.length(); i++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c != uln.charAt(i)) {
                    mutations.add(uln.substring(0, i) + c + uln.substring(i + 1));
                }
            }
            if (i + 1 < uln.length() && uln.charAt(i) != uln.charAt(i + 1)) {
                mutations.add(swap(uln, i));
            }
        }
        List<String> undetected = mutations.stream().filter(Uln::isValid).toList();
        ulnMutations += mutations.size();
        ulnDetected += mutations.size() - undetected.size();
        assertThat(undetected).as("mutations of %s that still pass the check", uln).isEmpty();
    }

    @AfterAll
    static void reportUlnDetection() {
        if (ulnMutations > 0) {
            System.out.printf("ULN error detection: %d of %d single substitutions and adjacent transpositions (%.2f%%)%n",
                    ulnDetected, ulnMutations, 100.0 * ulnDetected / ulnMutations);
        }
    }

    private static String swap(String s, int i) {
        char[] c = s.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }

    @Test
    void domainExamples() {
        assertThat(Upn.check("B801200005001")).isEqualTo(Upn.Check.VALID);
        assertThat(Upn.check("A80120000501A")).isEqualTo(Upn.Check.TEMPORARY);
        assertThat(Upn.check("P80120000501B")).isEqualTo(Upn.Check.TEMPORARY);
        assertThat(Upn.check("C801200005001")).isEqualTo(Upn.Check.CHECK_LETTER);
        assertThat(Upn.check("B80120000500")).isEqualTo(Upn.Check.FORMAT);
        assertThat(Upn.check("I801200005001")).isEqualTo(Upn.Check.FORMAT);
        assertThat(Upn.check(" ")).isEqualTo(Upn.Check.MISSING);
        assertThat(Upn.checkLetter("801200005001")).isEqualTo('B');
        Upn upn = Upn.of("B801200005001");
        assertThat(upn.laCode()).isEqualTo("801");
        assertThat(upn.estab()).isEqualTo("2000");
        assertThat(upn.allocationYear()).isEqualTo("05");
        assertThat(Uln.isValid("9276308686")).isTrue();
        assertThat(Uln.isValid("9276308687")).isFalse();
        assertThat(Uln.isValid("0276308686")).isFalse();
        assertThat(Uln.checkDigit("927630868")).isEqualTo(6);
    }

    @Test
    void postcodesAreNormalisedAndValidated() {
        assertThat(Postcode.normalise("  nr66ly ")).isEqualTo("NR6 6LY");
        assertThat(Postcode.normalise("nr1   3eu")).isEqualTo("NR1 3EU");
        assertThat(Postcode.normalise("  ")).isNull();
        assertThat(Postcode.parse("sw1a1aa")).map(Postcode::value).contains("SW1A 1AA");
        assertThat(Postcode.parse("gir0aa")).map(Postcode::value).contains("GIR 0AA");
        assertThat(Postcode.parse("EC1A 1BB")).map(Postcode::outward).contains("EC1A");
        assertThat(Postcode.parse("NR6 6LY")).map(Postcode::sector).contains("NR6 6");
        assertThat(Postcode.parse("QR6 6LY")).isEmpty(); // Q never starts a postcode
        assertThat(Postcode.parse("NR6 6LI")).isEmpty(); // I never ends one
        assertThat(Postcode.parse("NR6")).isEmpty();
        assertThat(Postcode.parse(null)).isEmpty();
    }

    @SeededCases
    void normalisingIsIdempotentAndIgnoresCaseAndSpacing(Seed seed) {
        String text = postcodeText(seed);
        String once = Postcode.normalise(text);
        assertThat(Postcode.normalise(once)).isEqualTo(once);
        assertThat(Postcode.normalise(" " + text.toLowerCase() + " ")).isEqualTo(once);
    }

    static String postcodeText(Seed seed) {
        while (true) {
            String text = seed.string("ABNR0123456789 ", 1, 9);
            if (!text.isBlank()) {
                return text;
            }
        }
    }

    @Test
    void laestabsAreParsed() {
        assertThat(Laestab.parse("9262001")).contains(new Laestab("926", "2001"));
        assertThat(Laestab.parse(" 926/2001 ")).contains(new Laestab("926", "2001"));
        assertThat(Laestab.parse("926-2001")).map(Laestab::code).contains("9262001");
        assertThat(Laestab.parse("926200")).isEmpty();
        assertThat(Laestab.parse("92620011")).isEmpty();
        assertThat(Laestab.parse("926 MMM")).isEmpty();
        assertThat(Laestab.parse(null)).isEmpty();
    }
}
