package org.rollbridge.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.identity.Postcode;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.testing.Seed;
import org.rollbridge.core.testing.SeededCases;

class ErrorModelProperties {

    @SeededCases
    void generatedPostcodesAreValidAndMalformedOnesNeverAre(Seed seed) {
        Locality loc = LaArea.of("926").localities().get(seed.between(0, 37));
        SplittableRandom r = seed.random();
        String postcode = Postcodes.inward(loc, r);
        assertThat(Postcode.parse(postcode)).isPresent();
        assertThat(Postcode.parse(ErrorInjector.malformed(postcode, r))).isEmpty();
    }

    @SeededCases
    void aDobTypoIsAnotherRealDateInTheSameYearGroup(Seed seed) {
        LocalDate dob = LocalDate.of(2008, 9, 1).plusDays(seed.between(0, 5000));
        LocalDate typo = ErrorInjector.typo(dob, seed.random());
        assertThat(typo).isNotEqualTo(dob);
        assertThat(NcYear.expectedFor(typo, LocalDate.of(2026, 3, 20))).isEqualTo(NcYear.expectedFor(dob, LocalDate.of(2026, 3, 20)));
    }

    @SeededCases
    void anImpossibleDobIsNoDate(Seed seed) {
        LocalDate dob = LocalDate.of(2008, 9, 1).plusDays(seed.between(0, 5000));
        assertThat(RecordedDate.of(ErrorInjector.impossible(dob, seed.random())).invalid()).isTrue();
    }

    @SeededCases
    void registerTyposAndTranspositionsChangeTheName(Seed seed) {
        String name = seed.string(Seed.range('a', 'z') + Seed.range('A', 'Z'), 2, 20);
        SplittableRandom r = seed.random();
        assertThat(Register.typo(name, r)).isNotEqualTo(name);
        String t = Register.transpose(name, r);
        assertThat(t).hasSameSizeAs(name);
        assertThat(t.chars().sorted().toArray()).isEqualTo(name.chars().sorted().toArray());
    }
}
