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
        assertThat(PairComparison.dob("20150304", "20160304")).isEqualTo(PairComparison.DOB_YEAR_OFF_BY_ONE);
        assertThat(PairComparison.dob("20200304", "20190304")).isEqualTo(PairComparison.DOB_YEAR_OFF_BY_ONE);
        assertThat(PairComparison.dob("20150304", "20150305")).isEqualTo(PairComparison.DOB_ONE_DIGIT);
        assertThat(PairComparison.dob("20150304", "20180304")).isEqualTo(PairComparison.DOB_ONE_DIGIT);
        assertThat(PairComparison.dob("20150304", "20150301")).isEqualTo(PairComparison.DOB_ONE_DIGIT);
        assertThat(PairComparison.dob("20150314", "20150301")).isEqualTo(PairComparison.DOB_MONTH_AND_YEAR);
        assertThat(PairComparison.dob("20150304", "20150415")).isEqualTo(PairComparison.DOB_DIFFERENT);
        assertThat(PairComparison.dob("20150304", "")).isEqualTo(MatchField.DOB.missing());
        assertThat(MatchField.DOB.levels().get(PairComparison.DOB_MONTH_AND_YEAR)).isEqualTo("MONTH_AND_YEAR");
    }

    @Test
    void forenameLevelsFromExactToInitial() {
        assertThat(forenames("Muhammad", "Muhammad")).isEqualTo("EXACT");
        assertThat(forenames("Mohammed", "Muhammad")).isEqualTo("EQUIVALENT");
        assertThat(forenames("Aleksander", "Alexander")).isEqualTo("EQUIVALENT");
        assertThat(forenames("Teddy", "Tedy")).isEqualTo("CLOSE"); // one letter dropped
        assertThat(forenames("Lucas", "Lucsa")).isEqualTo("CLOSE"); // neighbours swapped
        assertThat(forenames("Isabella", "Isabelo")).isEqualTo("NEAR"); // Jaro-Winkler 0.91
        assertThat(forenames("Phoebe", "Feebee")).isEqualTo("PHONETIC");
        assertThat(forenames("Jack", "Jacob")).isEqualTo("SIMILAR");
        assertThat(forenames("Harry", "Hugo")).isEqualTo("INITIAL");
        assertThat(forenames("Harry", "Zainab")).isEqualTo("DIFFERENT");
        assertThat(forenames("Harry", null)).isEqualTo("MISSING");
    }

    @Test
    void surnameLevelsIncludePartsAndSounds() {
        assertThat(surnames("Watson", "Watson")).isEqualTo("EXACT");
        assertThat(surnames("Watson", "Smith-Watson")).isEqualTo("PART");
        assertThat(surnames("Watson", "Waison")).isEqualTo("CLOSE");
        assertThat(surnames("Ramsden", "Ramsdim")).isEqualTo("NEAR"); // two letters wrong, Jaro-Winkler 0.89
        assertThat(surnames("Knight", "Nite")).isEqualTo("PHONETIC");
        assertThat(surnames("Watson", "Whitfield")).isEqualTo("DIFFERENT");
    }

    @Test
    void jaroWinklerAndOneEditAgreeWithTheirDefinitions() {
        assertThat(NameSimilarity.jaroWinkler("MARTHA", "MARHTA")).isCloseTo(0.961, org.assertj.core.data.Offset.offset(0.001));
        assertThat(NameSimilarity.jaroWinkler("DWAYNE", "DUANE")).isCloseTo(0.84, org.assertj.core.data.Offset.offset(0.001));
        assertThat(NameSimilarity.jaroWinkler("ABC", "XYZ")).isZero();
        assertThat(NameSimilarity.oneEdit("TEDDY", "TEDY")).isTrue();
        assertThat(NameSimilarity.oneEdit("TEDY", "TEDDY")).isTrue();
        assertThat(NameSimilarity.oneEdit("LUCAS", "LUCSA")).isTrue();
        assertThat(NameSimilarity.oneEdit("LUCAS", "LUKAS")).isTrue();
        assertThat(NameSimilarity.oneEdit("LUCAS", "LUKAZ")).isFalse();
        assertThat(NameSimilarity.oneEdit("LUCAS", "LUCAS")).isFalse();
    }

    @Test
    void twoValidDifferentUpnsAreAnotherChildsNumberNotASlip() {
        MatchPerson a = MatchPerson.builder("a").upn(org.rollbridge.core.identity.Upn.compose("926", "2001", 12, 1)
                .value()).build();
        MatchPerson otherChild = MatchPerson.builder("b").upn(org.rollbridge.core.identity.Upn.compose("202", "3001", 15,
                44).value()).build();
        String valid = org.rollbridge.core.identity.Upn.compose("926", "2001", 19, 901).value();
        char wrong = valid.charAt(0) == 'A' ? 'B' : 'A';
        MatchPerson badCheckLetter = MatchPerson.builder("c").upn(wrong + valid.substring(1)).build();
        assertThat(level(compare(a, otherChild), MatchField.UPN)).isEqualTo("DIFFERENT");
        assertThat(level(compare(a, badCheckLetter), MatchField.UPN)).isEqualTo("UNCHECKED_DIFFERENT");
    }

    @Test
    void exactAgreementOnACommonNameNeverCountsForLessThanAnInexactLevel() {
        java.util.List<String> names = register("OLIVIA", 900, 100);
        MatchModel model = MatchModel.defaults();
        PairComparison same = compare(MatchPerson.builder("a").forename("Olivia").build(),
                MatchPerson.builder("b").forename("Olivia").build());
        PairComparison variant = compare(MatchPerson.builder("a").forename("Olivia").build(),
                MatchPerson.builder("b").forename("Oliwia").build());
        double exact = model.fieldWeights(same, TermFrequencies.none(), TermFrequencies.of(names))[
                MatchField.FORENAME.ordinal()];
        double inexact = model.fieldWeights(variant, TermFrequencies.none(), TermFrequencies.of(names))[
                MatchField.FORENAME.ordinal()];
        assertThat(exact).isGreaterThan(inexact);
    }

    private static String forenames(String a, String b) {
        return level(compare(MatchPerson.builder("a").forename(a).build(), MatchPerson.builder("b").forename(b).build()),
                MatchField.FORENAME);
    }

    private static String surnames(String a, String b) {
        return level(compare(MatchPerson.builder("a").surname(a).build(), MatchPerson.builder("b").surname(b).build()),
                MatchField.SURNAME);
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
        TermFrequencies tf = TermFrequencies.of(register("SMITH", 500, 500));
        assertThat(tf.adjustment("SMITH")).isNegative();
        assertThat(tf.adjustment("NAME7")).isPositive();
        assertThat(tf.adjustment("NAME7")).isLessThanOrEqualTo(TermFrequencies.MAX_ADJUSTMENT);
    }

    @Test
    void surnameLevelsSimilarAndMissing() {
        assertThat(surnames("Lomax", "Lomasney")).isEqualTo("SIMILAR"); // Jaro-Winkler 0.85, sounds unlike
        assertThat(surnames("Watson", null)).isEqualTo("MISSING");
        assertThat(surnames(null, null)).isEqualTo("MISSING");
    }

    @Test
    void ulnAndSexLevels() {
        MatchPerson a = MatchPerson.builder("a").uln("1000000019").sex("F").build();
        MatchPerson same = MatchPerson.builder("b").uln("1000000019").sex("F").build();
        MatchPerson other = MatchPerson.builder("c").uln("1000000027").sex("M").build();
        MatchPerson none = MatchPerson.builder("d").build();
        assertThat(level(compare(a, same), MatchField.ULN)).isEqualTo("AGREE");
        assertThat(level(compare(a, other), MatchField.ULN)).isEqualTo("DIFFERENT");
        assertThat(level(compare(a, none), MatchField.ULN)).isEqualTo("MISSING");
        assertThat(level(compare(a, same), MatchField.SEX)).isEqualTo("AGREE");
        assertThat(level(compare(a, other), MatchField.SEX)).isEqualTo("DIFFERENT");
        assertThat(level(compare(a, none), MatchField.SEX)).isEqualTo("MISSING");
    }

    @Test
    void aNearMissOnACommonNameSaysLessThanOnARareOne() {
        // Many more register people are one slip from Olivia than from Ottilie: a typo's weight follows the
        // commoner name, downwards only.
        java.util.List<String> names = register("OLIVIA", 300, 700);
        names.add("OTTILIE");
        TermFrequencies forenames = TermFrequencies.of(names);
        MatchModel model = MatchModel.defaults();
        double common = forenameWeight(model, forenames, "Oliiva", "Olivia");
        double rare = forenameWeight(model, forenames, "Ottlie", "Ottilie");
        double unadjusted = model.weight(MatchField.FORENAME, PairComparison.NAME_CLOSE);
        assertThat(common).isEqualTo(unadjusted + forenames.adjustment("OLIVIA"));
        assertThat(common).isLessThan(unadjusted);
        assertThat(rare).isEqualTo(unadjusted);
        // Written exactly, the common name still counts for more than any slip on it.
        assertThat(forenameWeight(model, forenames, "Olivia", "Olivia")).isGreaterThan(common);
    }

    private static double forenameWeight(MatchModel model, TermFrequencies forenames, String a, String b) {
        PairComparison c = compare(MatchPerson.builder("a").forename(a).build(), MatchPerson.builder("b").forename(b)
                .build());
        return model.fieldWeights(c, TermFrequencies.none(), forenames)[MatchField.FORENAME.ordinal()];
    }

    /** A register's names: one common name many times, and as many others each once. */
    private static java.util.List<String> register(String common, int times, int others) {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.Collections.nCopies(times, common));
        for (int i = 0; i < others; i++) {
            names.add("NAME" + i);
        }
        return names;
    }
}
