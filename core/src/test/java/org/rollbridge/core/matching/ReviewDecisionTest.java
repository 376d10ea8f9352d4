package org.rollbridge.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.matching.ReviewDecision.Allowed;
import org.rollbridge.core.matching.ReviewDecision.Refused;
import org.rollbridge.core.matching.ReviewDecision.Why;

class ReviewDecisionTest {

    static final ReviewDecision.Item OPEN = new ReviewDecision.Item(7, "open", null, null, 40, "held", 1001L);
    static final String REASON = "same child: the school confirmed the date of birth";
    static final Optional<Long> NOT_ERASED = Optional.empty();

    @Test
    void everyDecisionNeedsAReason() {
        for (ReviewDecision d : ReviewDecision.values()) {
            assertThat(d.on(OPEN, Optional.empty(), NOT_ERASED, "  ")).isInstanceOfSatisfying(Refused.class, r -> {
                assertThat(r.why()).isEqualTo(Why.INVALID);
                assertThat(r.message()).startsWith("Give a reason for the decision");
            });
        }
        assertThat(ReviewDecision.newPersonFor(new ReviewDecision.Held(40, "held", "UNMATCHED", "B801200005001"),
                Optional.empty(), NOT_ERASED, null)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.why()).isEqualTo(Why.INVALID));
    }

    @Test
    void aLinkGoesToTheCandidateUnlessTheUpnLeadsToSomeoneElse() {
        assertThat(ReviewDecision.LINK.on(OPEN, Optional.empty(), NOT_ERASED, REASON)).isEqualTo(new Allowed(Optional.of(1001L)));
        assertThat(ReviewDecision.LINK.on(OPEN, Optional.of(1001L), NOT_ERASED, REASON))
                .isEqualTo(new Allowed(Optional.of(1001L)));
        assertThat(ReviewDecision.LINK.on(OPEN, Optional.of(2002L), NOT_ERASED, REASON)).isEqualTo(new Refused(Why.CONFLICT,
                "The record's UPN already leads to another person (person 2002); ask the school to check the UPN, "
                        + "or decide 'not a match'"));
        ReviewDecision.Item noCandidate = new ReviewDecision.Item(7, "open", null, null, 40, "held", null);
        assertThat(ReviewDecision.LINK.on(noCandidate, Optional.empty(), NOT_ERASED, REASON))
                .isEqualTo(new Refused(Why.CONFLICT, "Review item has no candidate person to link to"));
    }

    @Test
    void aNewPersonOnlyWhenTheUpnLeadsToNobody() {
        assertThat(ReviewDecision.NEW_PERSON.on(OPEN, Optional.empty(), NOT_ERASED, REASON)).isEqualTo(new Allowed(Optional.empty()));
        assertThat(ReviewDecision.NEW_PERSON.on(OPEN, Optional.of(2002L), NOT_ERASED, REASON)).isEqualTo(new Refused(Why.CONFLICT,
                "The record's UPN already leads to person 2002; link the record to that person, or ask the school "
                        + "to correct the UPN"));
    }

    @Test
    void notAMatchNeedsNoCandidateCheck() {
        assertThat(ReviewDecision.NOT_A_MATCH.on(OPEN, Optional.of(2002L), NOT_ERASED, REASON))
                .isEqualTo(new Allowed(Optional.empty()));
    }

    @Test
    void aDecidedItemOrAReleasedRecordIsNotDecidedAgain() {
        ReviewDecision.Item decided = new ReviewDecision.Item(7, "linked", "ann", "2026-12-07 09:40:00.0", 40,
                "released", 1001L);
        assertThat(ReviewDecision.NOT_A_MATCH.on(decided, Optional.empty(), NOT_ERASED, REASON)).isEqualTo(new Refused(
                Why.CONFLICT, "Review item 7 was already decided (linked by ann at 2026-12-07 09:40:00.0); reload "
                        + "the review queue"));
        ReviewDecision.Item released = new ReviewDecision.Item(7, "open", null, null, 40, "released", 1001L);
        assertThat(ReviewDecision.LINK.on(released, Optional.empty(), NOT_ERASED, REASON)).isEqualTo(new Refused(Why.CONFLICT,
                "Held record 40 was already released; reload the review queue"));
    }

    @Test
    void aHeldRecordBecomesANewPersonOnlyWhenUnmatchedOrForReview() {
        assertThat(ReviewDecision.newPersonFor(new ReviewDecision.Held(40, "held", "REVIEW", "B801200005001"),
                Optional.empty(), NOT_ERASED, REASON)).isEqualTo(new Allowed(Optional.empty()));
        assertThat(ReviewDecision.newPersonFor(new ReviewDecision.Held(40, "held", "ERROR", "B801200005001"),
                Optional.empty(), NOT_ERASED, REASON)).isEqualTo(new Refused(Why.CONFLICT,
                "Held record 40 is held (ERROR); only an unmatched or review record can become a new person"));
        assertThat(ReviewDecision.newPersonFor(new ReviewDecision.Held(40, "released", "UNMATCHED", "B801200005001"),
                Optional.empty(), NOT_ERASED, REASON)).isInstanceOf(Refused.class);
        assertThat(ReviewDecision.newPersonFor(new ReviewDecision.Held(40, "held", "UNMATCHED", null),
                Optional.empty(), NOT_ERASED, REASON)).isInstanceOf(Refused.class);
        assertThat(ReviewDecision.newPersonFor(new ReviewDecision.Held(40, "held", "UNMATCHED", "B801200005001"),
                Optional.of(2002L), NOT_ERASED, REASON)).isEqualTo(ReviewDecision.NEW_PERSON.on(OPEN, Optional.of(2002L), NOT_ERASED, REASON));
    }

    @Test
    void decisionsAreNamedInPathsAndStoredByStatus() {
        assertThat(ReviewDecision.ofPath("not-a-match")).contains(ReviewDecision.NOT_A_MATCH);
        assertThat(ReviewDecision.ofPath("merge")).isEmpty();
        assertThat(ReviewDecision.NEW_PERSON.status()).isEqualTo("new_person");
    }

    @Test
    void noNewPersonFromTheIdentifiersOfAnErasedOne() {
        Refused erased = new Refused(Why.CONFLICT, "The record's UPN or ULN belonged to a person the LA erased "
                + "(erasure decision 12): a new person would recreate them. Leave the record held and ask the school "
                + "why it still sends this pupil, or ask the LA's data protection officer whether the decision still "
                + "stands");
        assertThat(ReviewDecision.NEW_PERSON.on(OPEN, Optional.empty(), Optional.of(12L), REASON)).isEqualTo(erased);
        assertThat(ReviewDecision.newPersonFor(new ReviewDecision.Held(40, "held", "REVIEW", "B801200005001"),
                Optional.empty(), Optional.of(12L), REASON)).isEqualTo(erased);
        assertThat(ReviewDecision.NOT_A_MATCH.on(OPEN, Optional.empty(), Optional.of(12L), REASON))
                .isEqualTo(new Allowed(Optional.empty()));
    }
}
