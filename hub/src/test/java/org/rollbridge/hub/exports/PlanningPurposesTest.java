package org.rollbridge.hub.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.ExportSettings;

class PlanningPurposesTest {

    @Test
    void theCheckedInPurposesAreValid() {
        PlanningPurposes purposes = new PlanningPurposes(new ExportSettings("", null));

        assertThat(purposes.all()).extracting(PlanningPurposes.Purpose::name)
                .contains("school-places", "send-sufficiency", "home-to-school-transport");
        assertThat(purposes.named("school-places")).hasValueSatisfying(p -> assertThat(p.description()).isNotBlank());
        assertThat(purposes.named("marketing")).isEmpty();
    }

    @Test
    void everyProblemOfAFileIsNamedTogetherWithItsKey() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("""
                purposes=school-places,Bad_Name,school-places,no-description
                school-places.description=Places
                stray.description=Nobody listed me
                """));

        assertThatThrownBy(() -> PlanningPurposes.parse(p, "purposes.properties"))
                .hasMessageStartingWith("ROLLBRIDGE_PLANNING_PURPOSES: purposes.properties has 4 problem(s)")
                .hasMessageContaining("'Bad_Name' must be lower case letters, digits and single hyphens")
                .hasMessageContaining("'school-places' is listed twice")
                .hasMessageContaining("no-description.description: say what the purpose's exports are for")
                .hasMessageContaining("stray.description: not the description of a purpose listed in purposes");
    }

    @Test
    void aFileWithNoPurposeIsRefused() {
        assertThatThrownBy(() -> PlanningPurposes.parse(new Properties(), "empty.properties"))
                .hasMessageContaining("list at least one purpose");
    }
}
