package org.rollbridge.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.AlphaChars;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.identity.Postcode;
import org.rollbridge.core.pupil.RecordedDate;

class ErrorModelProperties {

    @Property
    void generatedPostcodesAreValidAndMalformedOnesNeverAre(@ForAll long seed, @ForAll @IntRange(min = 0, max = 37) int at) {
        SplittableRandom r = new SplittableRandom(seed);
        Locality loc = LaArea.of("926").localities().get(at);
        String postcode = Postcodes.inward(loc, r);
        assertThat(Postcode.parse(postcode)).isPresent();
        assertThat(Postcode.parse(ErrorInjector.malformed(postcode, r))).isEmpty();
    }

    @Property
    void aDobTypoIsAnotherRealDateInTheSameYearGroup(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int day) {
        LocalDate dob = LocalDate.of(2008, 9, 1).plusDays(day);
        LocalDate typo = ErrorInjector.typo(dob, new SplittableRandom(seed));
        assertThat(typo).isNotEqualTo(dob);
        assertThat(NcYear.expectedFor(typo, LocalDate.of(2026, 3, 20))).isEqualTo(NcYear.expectedFor(dob, LocalDate.of(2026, 3, 20)));
    }

    @Property
    void anImpossibleDobIsNoDate(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int day) {
        LocalDate dob = LocalDate.of(2008, 9, 1).plusDays(day);
        assertThat(RecordedDate.of(ErrorInjector.impossible(dob, new SplittableRandom(seed))).invalid()).isTrue();
    }

    @Property
    void registerTyposAndTranspositionsChangeTheName(@ForAll long seed,
                                                     @ForAll @AlphaChars @StringLength(min = 2, max = 20) String name) {
        SplittableRandom r = new SplittableRandom(seed);
        assertThat(Register.typo(name, r)).isNotEqualTo(name);
        String t = Register.transpose(name, r);
        assertThat(t).hasSameSizeAs(name);
        assertThat(t.chars().sorted().toArray()).isEqualTo(name.chars().sorted().toArray());
    }
}
