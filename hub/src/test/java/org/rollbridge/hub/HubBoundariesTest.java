package org.rollbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each boundary rule fails on classes that break it (the fixtures under org.rollbridge.archfixture), so a passing
 * {@link ArchitectureTest} means the hub keeps the rule, not that the rule checks nothing.
 */
class HubBoundariesTest {

    private static final String ROOT = "org.rollbridge.archfixture";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);

    @Test
    void aCycleBetweenTwoPackagesFails() {
        assertThatThrownBy(() -> HubBoundaries.noPackageCycles(ROOT).check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected")
                .hasMessageContaining("alpha").hasMessageContaining("beta");
    }

    @Test
    void aCapabilityCallingAPageFails() {
        assertThatThrownBy(() -> HubBoundaries.onlyPagesKnowThePages(ROOT).check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("alpha.Roll")
                .hasMessageContaining("web.RollPage");
    }

    @Test
    void httpBelowTheControllersFailsAndTheControllerItselfDoesNot() {
        assertThatThrownBy(() -> HubBoundaries.httpStaysAtTheEdge(ROOT, List.of()).check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("beta.MarksService")
                .message().doesNotContain("MarksController");
    }

    @Test
    void aClassNamedHttpByNatureMaySpeakHttp() {
        HubBoundaries.httpStaysAtTheEdge(ROOT, List.of("beta.MarksService")).check(FIXTURES);
        assertThat(HubBoundaries.HTTP_BY_NATURE).allSatisfy(name ->
                assertThat(HubBoundariesTest.class.getClassLoader().getResource(
                        (HubBoundaries.HUB + "." + name).replace('.', '/') + ".class"))
                        .as("%s, named as HTTP by nature, exists", name).isNotNull());
    }

    @Test
    void todayFromAnythingButTheOneClockFails() {
        assertThatThrownBy(() -> HubBoundaries.oneClock(ROOT).check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("gamma.RollDay.today()")
                .hasMessageContaining("gamma.RollDay.now()").hasMessageContaining("gamma.RollDay.clock()")
                .message().doesNotContain("RollDay.today(java.time.Clock)").doesNotContain("HubClock.clock()");
    }

    @Test
    void aSettingReadOutsideTheSettingsRecordsFails() {
        assertThatThrownBy(() -> HubBoundaries.settingsReadOnce(ROOT).check(FIXTURES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("gamma.RollSettings.size")
                .hasMessageContaining("gamma.RollSettings.school(").hasMessageContaining("gamma.RollSettings.la()")
                .message().doesNotContain("HubSettings.la()");
    }
}
