package org.rollbridge.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

class IdentifierProperties {

    /** Every character a UPN may hold: substitutions draw from it (anything else fails the shape check outright). */
    private static final String UPN_CHARACTERS = "0123456789" + Upn.ALPHABET;

    private static long ulnMutations;
    private static long ulnDetected;

    @Provide
    Arbitrary<String> permanentUpns() {
        return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 999))
                .as((la, estab, year, serial) -> Upn.compose(String.format("%03d", la), String.format("%04d", estab),
                        year, serial).value());
    }

    @Provide
    Arbitrary<String> temporaryUpns() {
        return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99),
                        Arbitraries.of(Upn.ALPHABET.chars().mapToObj(c -> (char) c).toList()))
                .as((la, estab, year, serial, last) -> Upn.composeTemporary(String.format("%03d", la),
                        String.format("%04d", estab), year, serial, last).value());
    }

    @Provide
    Arbitrary<String> upns() {
        return Arbitraries.oneOf(permanentUpns(), temporaryUpns());
    }

    @Provide
    Arbitrary<String> ulns() {
        return Arbitraries.strings().numeric().ofLength(8).flatMap(rest -> Arbitraries.integers().between(1, 9)
                        .map(first -> first + rest))
                .filter(stem -> Uln.checkDigit(stem) >= 0)
                .map(stem -> stem + Uln.checkDigit(stem));
    }

    @Property
    void composedUpnsAreValid(@ForAll("permanentUpns") String upn) {
        assertThat(Upn.check(upn)).isEqualTo(Upn.Check.VALID);
        assertThat(Upn.of(upn).temporary()).isFalse();
    }

    @Property
    void composedTemporaryUpnsAreTemporary(@ForAll("temporaryUpns") String upn) {
        assertThat(Upn.check(upn)).isEqualTo(Upn.Check.TEMPORARY);
        assertThat(Upn.of(upn).temporary()).isTrue();
    }

    /**
     * Every single-character substitution is caught: a changed value v to v' at weight w (2..13) moves the sum
     * by w(v'-v), never a multiple of 23 since 23 is prime and both factors are smaller. A digit swapped for the
     * letter of equal value in the last place (0 to A, 1 to B, ...) keeps the sum but turns a permanent UPN into a
     * temporary one (and back), so "detected" means the check no longer gives the original verdict.
     */
    @Property
    void everySubstitutionIsDetected(@ForAll("upns") String upn) {
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
    @Property
    void everyAdjacentTranspositionIsDetected(@ForAll("upns") String upn) {
        Upn.Check original = Upn.check(upn);
        for (int i = 0; i + 1 < upn.length(); i++) {
            if (upn.charAt(i) == upn.charAt(i + 1)) {
                continue; // swapping equal characters changes nothing
            }
            String swapped = swap(upn, i);
            assertThat(Upn.check(swapped)).as("%s swapped at %d", upn, i).isNotEqualTo(original);
        }
    }

    @Property
    void generatedUlnsAreValid(@ForAll("ulns") String uln) {
        assertThat(Uln.isValid(uln)).isTrue();
        assertThat(Uln.of(uln).value()).isEqualTo(uln);
    }

    /**
     * Measures ULN error detection. Weights 10..1 are all non-zero mod 11, and 11 is prime, so a substitution
     * (sum moves by w*d, 0 < |d| <= 9) or an adjacent transposition (sum moves by a - b) can never keep the sum
     * at 10 mod 11: the floor is therefore the full 100%, and any lower figure is a defect.
     */
    @Property
    void ulnSubstitutionsAndTranspositionsAreDetected(@ForAll("ulns") String uln) {
        for (int i = 0; i < uln.length(); i++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c != uln.charAt(i)) {
                    countUln(uln.substring(0, i) + c + uln.substring(i + 1));
                }
            }
            if (i + 1 < uln.length() && uln.charAt(i) != uln.charAt(i + 1)) {
                countUln(swap(uln, i));
            }
        }
    }

    private static synchronized void countUln(String mutated) {
        ulnMutations++;
        if (!Uln.isValid(mutated)) {
            ulnDetected++;
        }
    }

    @AfterContainer
    static void reportUlnDetection() {
        double rate = ulnMutations == 0 ? 0 : 100.0 * ulnDetected / ulnMutations;
        System.out.printf("ULN error detection: %d of %d single substitutions and adjacent transpositions (%.2f%%)%n",
                ulnDetected, ulnMutations, rate);
        assertThat(ulnMutations).isPositive();
        assertThat(ulnDetected).isEqualTo(ulnMutations);
    }

    private static String swap(String s, int i) {
        char[] c = s.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }

    @Example
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

    @Example
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

    @Property
    void normalisingIsIdempotentAndIgnoresCaseAndSpacing(@ForAll("postcodeTexts") String text) {
        String once = Postcode.normalise(text);
        assertThat(Postcode.normalise(once)).isEqualTo(once);
        assertThat(Postcode.normalise(" " + text.toLowerCase() + " ")).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> postcodeTexts() {
        return Arbitraries.strings().withChars("ABNR0123456789 ").ofMinLength(1).ofMaxLength(9)
                .filter(s -> !s.isBlank());
    }

    @Example
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
