package org.rollbridge.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelEstimationTest {

    private static final SyntheticPeople SAMPLE = SyntheticPeople.generate(6_000, 3_000, 42);

    @Test
    void emConvergesToSensibleFiguresOnAGeneratedSample() {
        PersonRegister register = PersonRegister.of(SAMPLE.register());
        MatchModel model = PersonMatcher.estimate(register, SAMPLE.incoming(), MatchSettings.defaults());

        assertThat(model.iterations()).isBetween(2, 499); // estimated, converged before the cap
        assertThat(model.matchShare()).isBetween(0.01, 0.5);
        // Matches agree on date of birth and names far more often than non-matches.
        assertThat(model.m(MatchField.DOB, 0)).isGreaterThan(0.85);
        assertThat(model.u(MatchField.DOB, 0)).isLessThan(0.5);
        assertThat(model.m(MatchField.FORENAME, 0)).isGreaterThan(0.8);
        assertThat(model.u(MatchField.FORENAME, 0)).isLessThan(0.2);
        assertThat(model.weight(MatchField.SURNAME, 0)).isPositive();
        assertThat(model.weight(MatchField.FORENAME, MatchField.FORENAME.level("DIFFERENT"))).isLessThan(-2);
        assertThat(model.weight(MatchField.DOB, MatchField.DOB.level("DIFFERENT"))).isLessThan(-2);
        assertThat(model.weight(MatchField.UPN, 0)).isGreaterThan(5);
        // Partial agreement sits between agreement and disagreement.
        assertThat(model.weight(MatchField.DOB, MatchField.DOB.level("DAY_MONTH_SWAPPED")))
                .isLessThan(model.weight(MatchField.DOB, 0))
                .isGreaterThan(model.weight(MatchField.DOB, MatchField.DOB.level("DIFFERENT")));
    }

    @Test
    void theCascadeIsPreciseOnTheGeneratedSample() {
        PersonRegister register = PersonRegister.of(SAMPLE.register());
        PersonMatcher matcher = PersonMatcher.estimated(register, SAMPLE.incoming(), MatchSettings.defaults());
        List<MatchResult> results = matcher.match(SAMPLE.incoming());
        Map<String, String> truth = SAMPLE.truth();
        long links = 0;
        long wrong = 0;
        for (MatchResult r : results) {
            if (r.decision() == MatchDecision.LINK) {
                links++;
                if (!truth.get(r.incomingId()).equals(truth.get(r.registerId()))) {
                    wrong++;
                }
            }
        }
        assertThat(links).isGreaterThan(results.size() * 8L / 10);
        assertThat((double) wrong / links).isLessThan(0.005);
    }

    @Test
    void tooFewPairsFallBackToTheDefaults() {
        PersonRegister register = PersonRegister.of(SAMPLE.register());
        MatchModel model = PersonMatcher.estimate(register, SAMPLE.incoming().subList(0, 3), MatchSettings.defaults());
        assertThat(model.iterations()).isZero();
    }
}
