package org.rollbridge.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairComparisonTest {

    private static PairComparison compare(MatchPerson a, MatchPerson b) {
        return PairComparison.of(PersonKeys.of(a), PersonKeys.of(b), NameEquivalents.embedded());
    }

    private static String level(PairComparison c, MatchField f) {
        return f.levels().get(c.level(f));
    }

    @Test
    void dateOfBirthLevels() {
        assertThat(PairComparison.dob("20150304", "20150304")).isEqualTo(PairComparison.DOB_EXACT);
        assertThat(PairComparison.dob("20150304", "20150403")).isEqualTo(PairComparison.DOB_SWAPPED);
        assertThat(PairComparison.dob("20150304", "20150305")).isEqualTo(PairComparison.DOB_ONE_DIGIT);
        assertThat(PairComparison.dob("20150304", "20160304")).isEqualTo(PairComparison.DOB_ONE_DIGIT);
        assertThat(PairComparison.dob("20150304", "20150415")).isEqualTo(PairComparison.DOB_DIFFERENT);
        assertThat(PairComparison.dob("20150304", "")).isEqualTo(MatchField.DOB.missing());
    }

    @Test
    void postcodeLevels() {
        assertThat(PairComparison.postcode("NR6 6LY", "NR6 6LY")).isZero();
        assertThat(PairComparison.postcode("NR6 6LY", "NR6 6AB")).isEqualTo(MatchField.POSTCODE.level("SECTOR"));
        assertThat(PairComparison.postcode("NR6 6LY", "NR6 7AB")).isEqualTo(MatchField.POSTCODE.level("DISTRICT"));
        assertThat(PairComparison.postcode("NR6 6LY", "NR16 6LY")).isEqualTo(MatchField.POSTCODE.level("DIFFERENT"));
    }

    @Test
    void namesCompareByEquivalenceTypoAndPart() {
        MatchPerson william = MatchPerson.builder("a").forename("William").surname("Smith").build();
        MatchPerson bill = MatchPerson.builder("b").forename("Bill").surname("Smith-Jones").build();
        PairComparison c = compare(william, bill);
        assertThat(level(c, MatchField.FORENAME)).isEqualTo("EQUIVALENT");
        assertThat(level(c, MatchField.SURNAME)).isEqualTo("PART");

        MatchPerson typo = MatchPerson.builder("c").forename("Wiliam").surname("Smyth").build();
        c = compare(william, typo);
        assertThat(level(c, MatchField.FORENAME)).isEqualTo("CLOSE");
        assertThat(level(c, MatchField.SURNAME)).isEqualTo("CLOSE");

        MatchPerson other = MatchPerson.builder("d").forename("Zainab").surname("Okafor").build();
        c = compare(william, other);
        assertThat(level(c, MatchField.FORENAME)).isEqualTo("DIFFERENT");
        assertThat(level(c, MatchField.SURNAME)).isEqualTo("DIFFERENT");
    }

    @Test
    void preferredNamesCountAndExactAgreementNamesTheValue() {
        MatchPerson legal = MatchPerson.builder("a").forename("Katherine").surname("Nowak").build();
        MatchPerson preferred = MatchPerson.builder("b").forename("Kasia").preferredForename("Katherine")
                .surname("Kowalski").preferredSurname("Nowak").build();
        PairComparison c = compare(legal, preferred);
        assertThat(level(c, MatchField.FORENAME)).isEqualTo("EXACT");
        assertThat(level(c, MatchField.SURNAME)).isEqualTo("EXACT");
        assertThat(c.agreedSurname()).isEqualTo("NOWAK");
        assertThat(c.agreedForename()).isEqualTo("KATHERINE");
    }

    @Test
    void upnsCompareCurrentAndFormerAndNearMisses() {
        MatchPerson a = MatchPerson.builder("a").upn("A926200112001").build();
        MatchPerson formerly = MatchPerson.builder("b").upn("B926300124002").formerUpns("A926200112001").build();
        MatchPerson typo = MatchPerson.builder("c").upn("A926200112007").build();
        MatchPerson none = MatchPerson.builder("d").build();
        assertThat(level(compare(a, formerly), MatchField.UPN)).isEqualTo("AGREE");
        assertThat(level(compare(a, typo), MatchField.UPN)).isEqualTo("CLOSE");
        assertThat(level(compare(a, none), MatchField.UPN)).isEqualTo("MISSING");
    }

    @Test
    void commonSurnamesWeighLessThanRareOnes() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            names.add("SMITH");
        }
        for (int i = 0; i < 500; i++) {
            names.add("NAME" + i);
        }
        TermFrequencies tf = TermFrequencies.of(names);
        assertThat(tf.adjustment("SMITH")).isNegative();
        assertThat(tf.adjustment("NAME7")).isPositive();
        assertThat(tf.adjustment("NAME7")).isLessThanOrEqualTo(TermFrequencies.MAX_ADJUSTMENT);
    }
}
