package org.rollbridge.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the reviewer reads: every rule, decision, status and comparison level in words, never a stored value. */
class MatchWordsTest {

    @Test
    void everyComparisonLevelOfEveryFieldHasWords() {
        for (MatchField f : MatchField.values()) {
            for (String level : f.levels()) {
                assertThat(MatchField.levelInWords(level)).as(f + " " + level)
                        .doesNotContain("_").isNotEqualTo(level.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
    }

    @Test
    void rulesDecisionsAndStatusesReadAsWords() {
        assertThat(MatchRule.labelOf("PROBABILISTIC")).isEqualTo("Weighed over every field (probabilistic)");
        for (MatchRule r : MatchRule.values()) {
            assertThat(r.label()).isNotEqualTo(r.name()).contains(" ");
        }
        for (ReviewDecision d : ReviewDecision.values()) {
            assertThat(ReviewDecision.statusLabel(d.status())).doesNotContain("_");
            assertThat(d.label()).doesNotContain("-");
        }
        assertThat(ReviewDecision.statusLabel("not_a_match")).isEqualTo("Not a match");
    }
}
