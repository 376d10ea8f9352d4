package org.rollbridge.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rollbridge.core.matching.MatchModel;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.core.matching.MatchSettings;
import org.rollbridge.core.matching.PersonMatcher;
import org.rollbridge.core.matching.PersonRegister;

/**
 * The review page shows, for each candidate, the level each field reached as core's matching compared it, with
 * the weight the match was scored with: twins side by side differ only where the matching saw them differ.
 */
class ReviewFieldsTest {

    private static final MatchPerson TEDDY = MatchPerson.builder("P1").forename("Teddy").surname("Brown")
            .dob("2017-05-06").sex("M").postcode("NR2 2BB").build();
    private static final MatchPerson TEDY = MatchPerson.builder("P2").forename("Tedy").surname("Brown")
            .dob("2017-05-06").sex("M").postcode("NR2 2BB").build();

    @Test
    void eachCandidateShowsTheLevelEachFieldReachedAndItsWeight() {
        // A twin's record with a slip in the forename and a year out: both twins are proposed.
        MatchPerson record = MatchPerson.builder("S1").forename("Tedyy").surname("Browne").dob("2018-05-06")
                .postcode("NR2 2BD").build();
        PersonMatcher matcher = new PersonMatcher(PersonRegister.of(List.of(TEDDY, TEDY)), MatchModel.defaults(),
                MatchSettings.defaults());
        for (MatchPerson candidate : List.of(TEDDY, TEDY)) {
            double[] weights = matcher.explain(record, candidate);
            List<ReviewQueue.FieldAgreement> fields = ReviewQueue.fields(record, candidate, weights);
            assertThat(fields).extracting(ReviewQueue.FieldAgreement::field, ReviewQueue.FieldAgreement::agreement,
                    ReviewQueue.FieldAgreement::level).containsExactly(
                    tuple("upn", "missing", "not given on one side"),
                    tuple("uln", "missing", "not given on one side"),
                    tuple("forename", "partial", "one or two characters different"),
                    tuple("surname", "partial", "one or two characters different"),
                    tuple("dob", "partial", "year one out"),
                    tuple("sex", "missing", "not given on one side"),
                    tuple("postcode", "partial", "same postcode sector"));
            // The evidence shown is what the record was scored with, field by field.
            for (int i = 0; i < fields.size(); i++) {
                assertThat(fields.get(i).weight()).isCloseTo(Math.round(weights[i] * 10) / 10.0,
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void theTwinWhoseForenameTheRecordCarriesAgreesWhereTheOtherIsOnlyClose() {
        MatchPerson record = MatchPerson.builder("S2").forename("Tedy").surname("Brown").dob("2017-05-06").sex("M")
                .postcode("NR2 2BB").build();
        assertThat(ReviewQueue.fields(record, TEDY, null).get(2)).extracting(ReviewQueue.FieldAgreement::agreement,
                ReviewQueue.FieldAgreement::level).containsExactly("agree", "exactly the same");
        assertThat(ReviewQueue.fields(record, TEDDY, null).get(2)).extracting(ReviewQueue.FieldAgreement::agreement,
                ReviewQueue.FieldAgreement::level).containsExactly("partial", "one or two characters different");
    }
}
