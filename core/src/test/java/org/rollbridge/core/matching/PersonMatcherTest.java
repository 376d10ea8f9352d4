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

    // Twins, near-twins and siblings: ambiguity is never settled by the order of the register.

    private static final MatchPerson TEDDY = person("T1", "Teddy", "Brown", "2017-05-06").sex("M")
            .postcode("NR2 2BB").upn(upn("926", 17, 1)).build();
    private static final MatchPerson TEDY = person("T2", "Tedy", "Brown", "2017-05-06").sex("M")
            .postcode("NR2 2BB").upn(upn("926", 17, 2)).build();

    private static String upn(String la, int year, int serial) {
        return org.rollbridge.core.identity.Upn.compose(la, "2001", year, serial).value();
    }

    private static MatchPerson.Builder twin(String id, String forename) {
        return person(id, forename, "Brown", "2017-05-06").sex("M").postcode("NR2 2BB");
    }

    @Test
    void anExactCopyOfOneTwinLinksToThatTwinWhicheverComesFirst() {
        for (List<MatchPerson> register : List.of(List.of(TEDDY, TEDY, OTHER), List.of(TEDY, TEDDY, OTHER))) {
            assertThat(matchOne(register, twin("I1", "Teddy").build()))
                    .extracting(MatchResult::decision, MatchResult::registerId).containsExactly(MatchDecision.LINK, "T1");
            assertThat(matchOne(register, twin("I2", "Tedy").build()))
                    .extracting(MatchResult::decision, MatchResult::registerId).containsExactly(MatchDecision.LINK, "T2");
        }
    }

    @Test
    void aTwinsRecordWithAnErrorElsewhereLinksToTheTwinWhoseForenameItCarries() {
        // Twins share surname, birth date and home: the forename is what tells them apart. A slip in another
        // field is the same slip against both, so the twin whose forename the record carries exactly is the one.
        MatchPerson moved = twin("I1", "Tedy").postcode("NR5 9ZZ").build();
        MatchPerson misspelt = twin("I2", "Tedy").surname("Brwon").build();
        MatchPerson dateSlip = twin("I3", "Teddy").dob("2017-06-05").build();
        for (List<MatchPerson> register : List.of(List.of(TEDDY, TEDY, OTHER), List.of(TEDY, TEDDY, OTHER))) {
            assertThat(match(register, moved, misspelt, dateSlip)).extracting(MatchResult::decision,
                    MatchResult::registerId).containsExactly(org.assertj.core.groups.Tuple.tuple(MatchDecision.LINK, "T2"),
                    org.assertj.core.groups.Tuple.tuple(MatchDecision.LINK, "T2"),
                    org.assertj.core.groups.Tuple.tuple(MatchDecision.LINK, "T1"));
        }
    }

    @Test
    void aTwinsRecordWithASlipInTheForenameGoesToReviewWithBothTwinsAboveTheReviewThreshold() {
        PersonMatcher matcher = new PersonMatcher(PersonRegister.of(List.of(TEDDY, TEDY, OTHER)),
                MatchModel.defaults(), MatchSettings.defaults());
        // Tedyy is one slip from Tedy and one from Teddy: nothing says which twin it is.
        MatchPerson slip = twin("I1", "Tedyy").build();
        MatchPerson slipAndMove = twin("I2", "Tedyy").postcode("NR5 9ZZ").build();
        for (MatchPerson record : List.of(slip, slipAndMove)) {
            MatchResult r = matcher.match(List.of(record)).get(0);
            assertThat(r.decision()).as(record.id()).isEqualTo(MatchDecision.REVIEW);
            // The review page lists every candidate above the review threshold: both twins are shown.
            for (MatchPerson twin : List.of(TEDDY, TEDY)) {
                assertThat(MatchModel.total(matcher.explain(record, twin)))
                        .isGreaterThanOrEqualTo(MatchSettings.defaults().reviewThreshold());
            }
        }
    }

    @Test
    void aTwinsRecordThatAgreesExactlyWithOneTwinButBetterWithTheOtherElsewhereGoesToReview() {
        // The forename says Teddy, the sex says the sister: no twin is at least as good everywhere.
        MatchPerson sister = person("T3", "Tedi", "Brown", "2017-05-06").sex("F").postcode("NR2 2BB").build();
        MatchResult r = matchOne(List.of(TEDDY, sister, OTHER), twin("I1", "Teddy").sex("F").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.REVIEW);
    }

    @Test
    void rules3And4NeverLinkATwinsRecordToTheOtherTwin() {
        // Jack and Jacob share three letters, so rule 3 finds both; a slip in Jacob's record must not go to Jack.
        MatchPerson jack = twin("J1", "Jack").build();
        MatchPerson jacob = twin("J2", "Jacob").build();
        MatchResult r = matchOne(List.of(jack, jacob, OTHER), twin("I1", "Jacbo").build());
        assertThat(r.decision()).isNotEqualTo(MatchDecision.LINK);
        assertThat(r.registerId()).isEqualTo("J2");
        // Only Jack in the register, and the record is his twin carrying his own number: new, not Jack.
        MatchResult alone = matchOne(List.of(jack, OTHER), twin("I2", "Jacob").upn(upn("926", 17, 9)).build());
        assertThat(jack.upn()).isNull();
        assertThat(alone.decision()).isNotEqualTo(MatchDecision.LINK);
        MatchPerson jackWithUpn = twin("J1", "Jack").upn(upn("926", 17, 8)).build();
        MatchResult numbered = matchOne(List.of(jackWithUpn, OTHER), twin("I3", "Jacob").upn(upn("926", 17, 9)).build());
        assertThat(numbered.decision()).isEqualTo(MatchDecision.NEW);
    }

    @Test
    void anotherCandidateAgreeingBetterOnANameSendsTheRecordToReview() {
        MatchPerson sameHome = person("A1", "Amelia", "Whitfield", "2015-03-04").sex("F").postcode("NR6 6LY").build();
        MatchPerson sameName = person("A2", "Amelie", "Whitfield", "2015-03-04").sex("F").postcode("NR9 1AA").build();
        MatchPerson record = person("I1", "Amelie", "Whitfield", "2015-03-04").sex("F").postcode("NR6 6LY").build();
        PersonMatcher matcher = new PersonMatcher(PersonRegister.of(List.of(sameHome, sameName, OTHER)),
                MatchModel.defaults(), MatchSettings.defaults());
        assertThat(MatchModel.total(matcher.explain(record, sameHome)))
                .isGreaterThan(MatchModel.total(matcher.explain(record, sameName)) + MatchSettings.defaults().margin());
        MatchResult r = matcher.match(List.of(record)).get(0);
        assertThat(r.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(r.reason()).contains("agrees better on a name");
    }

    @Test
    void twoCandidatesCloseInScoreGoToReview() {
        MatchPerson a = person("C1", "Harry", "Lomax", "2012-02-03").sex("M").postcode("NR1 1AA").build();
        MatchPerson b = person("C2", "Harry", "Lomax", "2012-02-03").sex("M").postcode("NR1 1AB").build();
        MatchResult r = matchOne(List.of(a, b, OTHER), person("I1", "Harry", "Lomax", "2012-02-03").sex("M")
                .postcode("NR1 1AD").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.REVIEW);
    }

    @Test
    void aNewBrotherOrSisterIsNotLinkedToTheChildAlreadyKnown() {
        MatchResult r = matchOne(List.of(TEDDY, OTHER), person("I1", "Lily", "Brown", "2019-11-02").sex("F")
                .postcode("NR2 2BB").build());
        assertThat(r.decision()).isEqualTo(MatchDecision.NEW);
        // A sister with a similar name and close birthday still needs a person to look, never a link.
        MatchResult close = matchOne(List.of(TEDDY, OTHER), person("I2", "Tess", "Brown", "2018-05-06").sex("F")
                .postcode("NR2 2BB").build());
        assertThat(close.decision()).isNotEqualTo(MatchDecision.LINK);
    }

    @Test
    void aLookalikeWithAnotherLasValidUpnIsNew() {
        MatchResult r = matchOne(List.of(TEDDY, OTHER), twin("I1", "Tedd").upn(upn("202", 17, 5)).postcode("SW1 1AA")
                .build());
        assertThat(r.decision()).isEqualTo(MatchDecision.NEW);
    }

    @Test
    void aUpnKeyedOntoAnotherChildProposesTheChildTheDetailsDescribe() {
        MatchPerson ivy = person("V1", "Ivy", "Okafor", "2014-01-09").sex("F").postcode("NR3 3CC")
                .upn(upn("926", 14, 31)).build();
        MatchPerson oscar = person("V2", "Oscar", "Lumb", "2014-06-22").sex("M").postcode("NR4 4DD")
                .upn(upn("926", 14, 32)).build();
        MatchResult r = matchOne(List.of(ivy, oscar, OTHER), person("I1", "Ivy", "Okafor", "2014-01-09").sex("F")
                .postcode("NR3 3CC").upn(oscar.upn()).build());
        assertThat(r.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(r.registerId()).isEqualTo("V1");
        assertThat(r.reason()).contains("belongs to another register person");
    }

    @Test
    void rule3DoesNotLinkAVariantForenameCarryingAUpnTheRegisterDoesNotKnow() {
        // A child first numbered in another LA, whose name is a variant of a registered child's with the same
        // birth date and surname: as likely a lookalike as that child, so a person looks (as rule 5 would).
        MatchPerson eliza = person("E1", "Eliza", "Demir", "2020-10-25").sex("F").postcode("NR16 3BF").build();
        MatchResult r = matchOne(List.of(eliza, OTHER), person("I1", "Elizabeth", "Demir", "2020-10-25").sex("F")
                .postcode("NR16 9LS").upn(upn("226", 20, 7)).build());
        assertThat(r.decision()).isEqualTo(MatchDecision.REVIEW);
        assertThat(r.registerId()).isEqualTo("E1");
        // The same record without a UPN, or with the forename as registered, still links by rule 3.
        assertThat(matchOne(List.of(eliza, OTHER), person("I2", "Elizabeth", "Demir", "2020-10-25").sex("F")
                .postcode("NR16 9LS").build()).decision()).isEqualTo(MatchDecision.LINK);
        assertThat(matchOne(List.of(eliza, OTHER), person("I3", "Eliza", "Demir", "2020-10-25").sex("F")
                .postcode("NR16 9LS").upn(upn("226", 20, 7)).build()).decision()).isEqualTo(MatchDecision.LINK);
    }
}
