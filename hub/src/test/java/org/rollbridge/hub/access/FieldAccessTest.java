package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FieldAccessTest {

    @Test
    void specialCategoryFieldsAndContactsAreShownOnlyToRolesThatNeedThem() {
        assertThat(Role.values()).filteredOn(r -> FieldAccess.shows(r, FieldGroup.SPECIAL_CATEGORY))
                .containsExactlyInAnyOrder(Role.LA_ADMIN, Role.SOCIAL_CARE_VIEWER);
        assertThat(Role.values()).filteredOn(r -> FieldAccess.shows(r, FieldGroup.CONTACTS))
                .containsExactlyInAnyOrder(Role.LA_ADMIN, Role.LA_ATTENDANCE_OFFICER, Role.LA_CME_OFFICER,
                        Role.SOCIAL_CARE_VIEWER);
    }

    @Test
    void aggregateOnlyRolesSeeNoPupilFieldsAndCannotOpenAPupil() {
        for (Role role : new Role[] {Role.LA_ANALYST, Role.DFE_ANALYST}) {
            assertThat(FieldAccess.shownTo(role)).isEmpty();
            assertThat(role.may(Capability.PUPIL_RECORD)).isFalse();
        }
    }

    @Test
    void everyRoleThatOpensPupilsIsShownTheirIdentity() {
        for (Role role : Role.values()) {
            if (role.may(Capability.PUPIL_RECORD)) {
                assertThat(FieldAccess.shows(role, FieldGroup.IDENTITY)).as(role.name()).isTrue();
            }
        }
    }

    @Test
    void onlyTheLaAdministratorSearchesTheAuditAndAdministers() {
        assertThat(Role.values()).filteredOn(r -> r.may(Capability.AUDIT_SEARCH)).containsExactly(Role.LA_ADMIN);
        assertThat(Role.values()).filteredOn(r -> r.may(Capability.ADMINISTER)).containsExactly(Role.LA_ADMIN);
    }

    /** docs/access.md is the rule table as code has it. */
    @Test
    void theDocumentedTableIsTheOneInCode() throws Exception {
        String rendered = AccessDocument.render();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "access.md"), rendered);
        Path doc = Path.of("..", "docs", "access.md");

        assertThat(rendered).contains("| SOCIAL_CARE_VIEWER | yes | yes | yes | yes |");
        assertThat(Files.exists(doc) ? Files.readString(doc) : "")
                .as("docs/access.md is out of date: copy hub/target/access.md over it").isEqualTo(rendered);
    }
}
