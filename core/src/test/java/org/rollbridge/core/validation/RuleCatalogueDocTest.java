package org.rollbridge.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/validation-rules.md must be what the catalogue renders. Regenerate with
 * {@code ./mvnw -pl core test -Dtest=RuleCatalogueDocTest -Drollbridge.regenerate-docs=true}.
 */
class RuleCatalogueDocTest {

    private static final Path DOC = Path.of("..", "docs", "validation-rules.md");

    @Test
    void docsListEveryRuleAsTheCatalogueDoes() throws IOException {
        String rendered = RuleCatalogueDoc.render();
        if (Boolean.getBoolean("rollbridge.regenerate-docs")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("docs/validation-rules.md is out of date: regenerate it (see this test's comment)")
                .exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(rendered);
    }

    @Test
    void everyRuleHasAnExplanationAndAFixAndAppearsInTheDocs() {
        String rendered = RuleCatalogueDoc.render();
        for (Rule rule : Rule.values()) {
            assertThat(rule.explanation()).as(rule.id()).isNotBlank().endsWith(".");
            assertThat(rule.fix()).as(rule.id()).isNotBlank();
            assertThat(rendered).contains("## " + rule.id() + "\n");
        }
    }

    @Test
    void theIssuesRuleIdsAreAllInTheCatalogue() {
        for (String id : new String[] {"XML_MALFORMED", "XML_DTD_FORBIDDEN", "CTF_HEADER_MISSING",
                "CTF_VERSION_UNKNOWN", "UPN_MISSING", "UPN_FORMAT", "UPN_CHECK_LETTER", "UPN_TEMPORARY",
                "UPN_DUPLICATE", "ULN_INVALID", "NAME_MISSING", "NAME_WHITESPACE", "NAME_CHARACTERS", "DOB_MISSING",
                "DOB_INVALID", "DOB_IMPLAUSIBLE", "DOB_YEAR_GROUP_MISMATCH", "SEX_INVALID", "POSTCODE_MISSING",
                "POSTCODE_FORMAT", "ETHNICITY_CODE", "SEN_PROVISION_CODE", "SEN_NEED_CODE", "NC_YEAR_CODE",
                "ENROL_STATUS_CODE", "ATTENDANCE_CODE_UNKNOWN", "ATTENDANCE_MARKS_LENGTH",
                "ATTENDANCE_SUMMARY_MISMATCH", "ATTENDANCE_DATE_OUTSIDE_ROLL", "EXCLUSION_CODE", "EXCLUSION_DATES",
                "CSV_HEADER", "CSV_FIELD_COUNT"}) {
            assertThat(Rule.valueOf(id).id()).isEqualTo(id);
        }
        for (Rule warning : new Rule[] {Rule.CTF_VERSION_UNKNOWN, Rule.UPN_TEMPORARY, Rule.DOB_YEAR_GROUP_MISMATCH,
                Rule.ATTENDANCE_SUMMARY_MISMATCH, Rule.ATTENDANCE_DATE_OUTSIDE_ROLL}) {
            assertThat(warning.defaultSeverity()).as(warning.id()).isEqualTo(Severity.WARNING);
        }
    }

    @Test
    void placeholdersAreFilledInOnePass() {
        assertThat(Rule.UPN_DUPLICATE.message("{1}", "pupil 2")).isEqualTo("UPN {1} is also used by the pupil at pupil 2.");
    }
}
