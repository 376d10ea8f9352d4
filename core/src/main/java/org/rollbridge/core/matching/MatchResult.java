package org.rollbridge.core.matching;

import java.util.Optional;

/**
 * The decision for one incoming record.
 *
 * @param registerId   the register person linked, proposed for review, or in conflict; null for {@code new}
 * @param rule         the rule that decided; null for {@code new}
 * @param score        the match weight in bits when rule 5 scored the record (also the best score of a
 *                     {@code new} record that had candidates); null for the deterministic rules
 * @param fieldWeights per-field agreement weights against the register person (indexed by
 *                     {@link MatchField#ordinal()}), or null when there is no register person
 * @param reason       why a record was not linked, in words for the person who reviews it; null for links
 */
public record MatchResult(String incomingId, String registerId, MatchDecision decision, MatchRule rule,
                          Double score, double[] fieldWeights, String reason) {

    public Optional<String> register() {
        return Optional.ofNullable(registerId);
    }

    MatchResult demoted(String why) {
        return new MatchResult(incomingId, registerId, MatchDecision.REVIEW, rule, score, fieldWeights, why);
    }
}
