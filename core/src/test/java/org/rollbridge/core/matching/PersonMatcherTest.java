package org.rollbridge.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each rule on small registers, with the default model (too few pairs to estimate from). */
class PersonMatcherTest {

    private static MatchPerson.Builder person(String id, String forename, String surname, String dob) {
        return MatchPerson.builder(id).forename(forename).surname(surname).dob(dob);
    }

    private static List<MatchResult> match(List<MatchPerson> register, MatchPerson... incoming) {
        PersonMatcher matcher = new PersonMatcher(PersonRegister.of(register), MatchModel.defaults(),
                MatchSettings.defaults());
        return matcher.match(List.of(incoming));
    }

    private static MatchResult matchOne(List<MatchPerson> register, MatchPerson incoming) {
        return match(register, incoming).get(0);
    }

    private static final MatchPerson AMELIA = person("R1", "Amelia", "Whitfield", "2015-03-04").sex("F")
            .upn("A926200112001").postcode("NR6 6LY").build();
    private static final MatchPerson OTHER = person("R2", "Oscar", "Nowak", "2014-11-20").sex("M")
            .upn("B926200113002").uln("1000000019").postcode("NR1 1AA").build();

    @Test
    void rule1LinksOnCurrentUpn() {
        MatchResult r = matchOne(List.of(AMELIA, OTHER),
                person("I1", "Amelia", "Whitfield", "2015-03-04").upn("A926200112001").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.LINK);
        assertThat(r.rule()).isEqualTo(MatchRule.UPN);
        assertThat(r.registerId()).isEqualTo("R1");
        assertThat(r.score()).isNull();
    }

    @Test
    void rule1LinksOnFormerUpnOnEitherSide() {
        MatchResult incomingFormer = matchOne(List.of(AMELIA, OTHER), person("I1", "Amelia", "Whitfield", "2015-03-04")
                .upn("C926400124003").formerUpns("A926200112001").build());
        assertThat(incomingFormer.rule()).isEqualTo(MatchRule.UPN);
        assertThat(incomingFormer.registerId()).isEqualTo("R1");

        MatchPerson renumbered = person("R3", "Amelia", "Whitfield", "2015-03-04").upn("C926400124003")
                .formerUpns("A926200112001").build();
        MatchResult registerFormer = matchOne(List.of(renumbered, OTHER),
                person("I1", "Amelia", "Whitfield", "2015-03-04").upn("A926200112001").build());
        assertThat(registerFormer.decision()).isEqualTo(MatchDecision.LINK);
        assertThat(registerFormer.registerId()).isEqualTo("R3");
    }

    @Test
    void upnWithChangedSurnameButSameDobAndForenameIsStillALink() {
        MatchResult r = matchOne(List.of(AMELIA, OTHER),
                person("I1", "Amelia", "Okafor", "2015-03-04").upn("A926200112001").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.LINK);
        assertThat(r.rule()).isEqualTo(MatchRule.UPN);
    }

    @Test
    void upnWhoseDobAndNamesDisagreeIsAConflict() {
        MatchResult r = matchOne(List.of(AMELIA, OTHER),
                person("I1", "Zainab", "Okafor", "2011-09-30").upn("A926200112001").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.CONFLICT);
        assertThat(r.rule()).isEqualTo(MatchRule.UPN);
        assertThat(r.registerId()).isEqualTo("R1");
        assertThat(r.reason()).contains("disagree");
    }

    @Test
    void twinsNumberOnTheWrongTwinIsAConflictNotALink() {
        MatchResult r = matchOne(List.of(AMELIA, OTHER),
                person("I1", "Oliver", "Whitfield", "2015-03-04").upn("A926200112001").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.CONFLICT);
    }

    @Test
    void rule2LinksOnUln() {
        MatchResult r = matchOne(List.of(AMELIA, OTHER), person("I1", "Oscar", "Nowak", "2014-11-20")
                .uln("1000000019").build());
        assertThat(org.rollbridge.core.identity.Uln.isValid("1000000019")).isTrue();
        assertThat(r.decision()).isEqualTo(MatchDecision.LINK);
        assertThat(r.rule()).isEqualTo(MatchRule.ULN);
        assertThat(r.registerId()).isEqualTo("R2");
    }

    @Test
    void rule3LinksOnDobSurnameAndForenamePrefixAfterNormalising() {
        MatchPerson obrien = person("R9", "Siobhán", "O'Brien", "2016-01-02").build();
        MatchResult r = matchOne(List.of(AMELIA, obrien), person("I1", "SIOBHAN", "OBrien", "2016-01-02").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.LINK);
        assertThat(r.rule()).isEqualTo(MatchRule.DOB_NAME);
        assertThat(r.registerId()).isEqualTo("R9");
    }

    @Test
    void rule4LinksOnPostcodeSurnameAndForenamePrefix() {
        // Day and month swapped, so rule 3 misses; the home postcode (spaced differently) still finds her.
        MatchResult r = matchOne(List.of(AMELIA, OTHER),
                person("I1", "Amelia", "Whitfield", "2015-04-03").postcode("nr66ly").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.LINK);
        assertThat(r.rule()).isEqualTo(MatchRule.POSTCODE_NAME);
        assertThat(r.registerId()).isEqualTo("R1");
    }

    @Test
    void twinsWhoseForenamesDifferInTheFirstThreeLettersLinkByRule3() {
        MatchPerson oliver = person("R5", "Oliver", "Whitfield", "2015-03-04").sex("M").build();
        MatchResult r = matchOne(List.of(AMELIA, oliver), person("I1", "Oliver", "Whitfield", "2015-03-04").build());
        assertThat(r.rule()).isEqualTo(MatchRule.DOB_NAME);
        assertThat(r.registerId()).isEqualTo("R5");
    }

    @Test
    void twinsSharingThreeLettersAreNotLinkedByRule3() {
        MatchPerson jack = person("R5", "Jack", "Brown", "2016-07-08").sex("M").postcode("NR2 2BB").build();
        MatchPerson jacob = person("R6", "Jacob", "Brown", "2016-07-08").sex("M").postcode("NR2 2BB").build();
        MatchResult r = matchOne(List.of(jack, jacob, OTHER),
                person("I1", "Jacob", "Brown", "2016-07-08").sex("M").postcode("NR2 2BB").build());
        assertThat(r.rule()).isEqualTo(MatchRule.PROBABILISTIC);
        assertThat(r.registerId()).isEqualTo("R6");
        assertThat(r.score()).isNotNull();
    }

    @Test
    void aNewTwinIsNotLinkedToTheSiblingAlreadyKnown() {
        MatchPerson jack = person("R5", "Jack", "Brown", "2016-07-08").sex("M").postcode("NR2 2BB").build();
        MatchResult r = matchOne(List.of(jack, OTHER),
                person("I1", "Jacob", "Brown", "2016-07-08").sex("M").postcode("NR2 2BB").build());
        assertThat(r.decision()).isNotEqualTo(MatchDecision.LINK);
    }

    @Test
    void severalCandidatesForOneRuleAreNeverLinkedAutomatically() {
        MatchPerson a = person("R7", "Amelia", "Whitfield", "2015-03-04").sex("F").postcode("NR6 6LY").build();
        MatchResult r = matchOne(List.of(AMELIA, a),
                person("I1", "Amelia", "Whitfield", "2015-03-04").sex("F").postcode("NR6 6LY").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(r.registerId()).isIn("R1", "R7");

        MatchPerson sharedUpn = person("R8", "Oscar", "Nowak", "2014-11-20").upn("A926200112001").build();
        MatchResult shared = matchOne(List.of(AMELIA, sharedUpn), person("I2", "Amelia", "Whitfield", "2015-03-04")
                .upn("A926200112001").build());
        assertThat(shared.decision()).isIn(MatchDecision.REVIEW, MatchDecision.LINK);
        assertThat(shared.rule()).isEqualTo(MatchRule.PROBABILISTIC);
        assertThat(shared.registerId()).isEqualTo("R1");
    }

    @Test
    void hyphenatedSurnameIsFoundByRule5() {
        MatchResult r = matchOne(List.of(AMELIA, OTHER),
                person("I1", "Amelia", "Whitfield-Nowak", "2015-03-04").sex("F").postcode("NR6 6LY").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.LINK);
        assertThat(r.rule()).isEqualTo(MatchRule.PROBABILISTIC);
        assertThat(r.registerId()).isEqualTo("R1");
        assertThat(r.fieldWeights()[MatchField.SURNAME.ordinal()]).isPositive();
    }

    @Test
    void changedSurnameWithoutIdentifiersIsFoundForReviewOrLink() {
        MatchResult r = matchOne(List.of(AMELIA, OTHER),
                person("I1", "Amelia", "Okafor", "2015-03-04").sex("F").postcode("NR6 6LY").build());
        assertThat(r.registerId()).isEqualTo("R1");
        assertThat(r.decision()).isIn(MatchDecision.LINK, MatchDecision.REVIEW);
    }

    @Test
    void swappedDayAndMonthIsPartialAgreement() {
        MatchResult r = matchOne(List.of(AMELIA, OTHER),
                person("I1", "Amelia", "Whitfield", "2015-04-03").sex("F").build());
        assertThat(r.rule()).isEqualTo(MatchRule.PROBABILISTIC);
        assertThat(r.registerId()).isEqualTo("R1");
        assertThat(r.fieldWeights()[MatchField.DOB.ordinal()]).isPositive();
    }

    @Test
    void nicknameIsFoundByRule5() {
        MatchPerson william = person("R4", "William", "Ashworth", "2013-06-07").sex("M").postcode("NR3 3CC").build();
        MatchResult r = matchOne(List.of(william, OTHER), person("I1", "Bill", "Ashworth", "2013-06-07").sex("M").postcode("NR3 3CC").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.LINK);
        assertThat(r.rule()).isEqualTo(MatchRule.PROBABILISTIC);
        assertThat(r.registerId()).isEqualTo("R4");
    }

    @Test
    void someoneUnknownIsNew() {
        MatchResult r = matchOne(List.of(AMELIA, OTHER), person("I1", "Zainab", "Okafor", "2011-09-30").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.NEW);
        assertThat(r.registerId()).isNull();
        assertThat(r.rule()).isNull();
    }

    @Test
    void twoDifferentChildrenDoNotBothLinkToOnePerson() {
        MatchPerson jack = person("R5", "Jack", "Brown", "2016-07-08").sex("M").postcode("NR2 2BB").build();
        List<MatchResult> r = match(List.of(jack, OTHER),
                person("I1", "Jack", "Brown", "2016-07-08").sex("M").build(),
                person("I2", "Jack", "Brown", "2019-01-30").sex("M").postcode("NR2 2BB").build());
        assertThat(r.get(0).decision()).isEqualTo(MatchDecision.LINK);
        assertThat(r.get(0).rule()).isEqualTo(MatchRule.DOB_NAME);
        assertThat(r.get(1).decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(r.get(1).reason()).contains("also linked");
    }

    @Test
    void theSameChildSentTwiceLinksTwice() {
        MatchPerson dual = person("I1", "Amelia", "Whitfield", "2015-03-04").upn("A926200112001").sex("F").build();
        MatchPerson again = person("I2", "Amelia", "Whitfield", "2015-03-04").upn("A926200112001").sex("F").build();
        List<MatchResult> r = match(List.of(AMELIA, OTHER), dual, again);
        assertThat(r).extracting(MatchResult::decision).containsExactly(MatchDecision.LINK, MatchDecision.LINK);
    }

    @Test
    void rules1To4AloneSendAmbiguityToReviewAndTheRestToNew() {
        PersonMatcher matcher = new PersonMatcher(PersonRegister.of(List.of(AMELIA, OTHER)), MatchModel.defaults(),
                MatchSettings.defaults().deterministicOnly());
        List<MatchResult> r = matcher.match(List.of(
                person("I1", "Amelia", "Whitfield-Nowak", "2015-03-04").sex("F").postcode("NR6 6LY").build()));
        assertThat(r.get(0).decision()).isEqualTo(MatchDecision.NEW);
    }
}
