package org.rollbridge.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.core.pupil.Pupil;

class RuleSettingsTest {

    @Test
    void aRulesFileChangesSeveritiesAndOffDropsFindings(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.properties");
        Files.writeString(rules, "# LA overrides\nUPN_TEMPORARY = error\ncontact_missing=off\nNAME_WHITESPACE: warning\n");
        RuleSettings settings = RuleSettings.resolve(rules, Map.of());
        assertThat(settings.severityOf(Rule.UPN_TEMPORARY)).isEqualTo(Severity.ERROR);
        assertThat(settings.severityOf(Rule.CONTACT_MISSING)).isEqualTo(Severity.OFF);
        assertThat(settings.severityOf(Rule.NAME_WHITESPACE)).isEqualTo(Severity.WARNING);
        assertThat(settings.severityOf(Rule.UPN_MISSING)).isEqualTo(Severity.ERROR);

        Pupil pupil = ValidationFixtures.clean().upn("A80120000501A").formerUpns(List.of()).contacts(List.of())
                .build();
        Path ctf = ValidationFixtures.write(dir, "school.xml", ValidationFixtures.ctf(ValidationFixtures.HEADER,
                List.of(pupil)));
        ValidationReport report = new Validator(settings, null, ValidationFixtures.CLOCK).validate(List.of(ctf));
        assertThat(report.files().get(0).findings()).extracting(Finding::rule, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.UPN_TEMPORARY, Severity.ERROR));
        assertThat(report.exitCode()).isEqualTo(ValidationReport.ERRORS);
    }

    @Test
    void theEnvironmentVariableNamesTheFileWhenNoOptionIsGiven(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("la.properties");
        Files.writeString(rules, "POSTCODE_MISSING=warning\n");
        assertThat(RuleSettings.resolve(null, Map.of(RuleSettings.ENVIRONMENT_VARIABLE, rules.toString()))
                .severityOf(Rule.POSTCODE_MISSING)).isEqualTo(Severity.WARNING);
        assertThat(RuleSettings.resolve(null, Map.of()).severityOf(Rule.POSTCODE_MISSING)).isEqualTo(Severity.ERROR);
    }

    @Test
    void unknownRulesAndSeveritiesAreRefusedByName() {
        assertThatThrownBy(() -> RuleSettings.parse(new StringReader("UPN_TYPO=error\nDOB_MISSING=loud\n"), "la.properties"))
                .isInstanceOf(RuleSettings.InvalidRuleSettings.class)
                .hasMessageContaining("la.properties")
                .hasMessageContaining("UPN_TYPO")
                .hasMessageContaining("loud");
    }

    @Test
    void unreadableFilesCannotBeSwitchedOff() {
        assertThatThrownBy(() -> RuleSettings.parse(new StringReader("XML_DTD_FORBIDDEN=off\n"), "x"))
                .hasMessageContaining("XML_DTD_FORBIDDEN");
        assertThatThrownBy(() -> RuleSettings.defaults().with(Rule.XML_MALFORMED, Severity.WARNING))
                .isInstanceOf(RuleSettings.InvalidRuleSettings.class);
    }

    @Test
    void controlCharactersCannotBeLetThrough() {
        assertThatThrownBy(() -> RuleSettings.parse(new StringReader("CSV_CONTROL_CHARACTER=warning\n"), "x"))
                .hasMessageContaining("CSV_CONTROL_CHARACTER cannot be changed").hasMessageContaining("stored");
        assertThatThrownBy(() -> RuleSettings.defaults().with(Rule.CSV_CONTROL_CHARACTER, Severity.OFF))
                .isInstanceOf(RuleSettings.InvalidRuleSettings.class);
    }
}
