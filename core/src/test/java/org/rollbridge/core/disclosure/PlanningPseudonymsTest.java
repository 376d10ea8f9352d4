package org.rollbridge.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanningPseudonymsTest {

    static final byte[] KEY = "a master key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8);

    @Test
    void onePurposeGivesAPupilTheSamePseudonymEveryTime() {
        assertThat(PlanningPseudonyms.forPurpose(KEY, "sen-places").of(42))
                .isEqualTo(PlanningPseudonyms.forPurpose(KEY, "sen-places").of(42))
                .hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void twoPurposesGiveThePupilUnrelatedPseudonyms() {
        PlanningPseudonyms places = PlanningPseudonyms.forPurpose(KEY, "sen-places");
        PlanningPseudonyms transport = PlanningPseudonyms.forPurpose(KEY, "school-transport");
        Set<String> seen = new HashSet<>();
        for (long person = 1; person <= 1000; person++) {
            assertThat(seen.add(places.of(person))).isTrue();
            assertThat(seen.add(transport.of(person))).as("a pseudonym shared by two purposes").isTrue();
        }
    }

    @Test
    void anotherMasterKeyGivesOtherPseudonymsAndAShortKeyIsRefused() {
        byte[] other = "another master key of thirty-two bytes".getBytes(StandardCharsets.UTF_8);

        assertThat(PlanningPseudonyms.forPurpose(other, "sen-places").of(42))
                .isNotEqualTo(PlanningPseudonyms.forPurpose(KEY, "sen-places").of(42));
        assertThatThrownBy(() -> PlanningPseudonyms.forPurpose(new byte[16], "sen-places"))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void thePseudonymIsTheKeyedHashAndNotAPlainHashOfTheId() throws Exception {
        String plain = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("42".getBytes(StandardCharsets.UTF_8)), 0, 16);

        assertThat(PlanningPseudonyms.forPurpose(KEY, "sen-places").of(42)).isNotEqualTo(plain);
    }
}
