package org.rollbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md and the README's table must agree with the settings records: every variable the hub
 * binds is documented with its default, and every documented variable is one the hub (or the launcher, the
 * school agent, the tests or the benchmarks) reads.
 */
class ConfigurationDocTest {

    private static final Path DOCS = Path.of("..", "docs", "configuration.md");
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern VARIABLE = Pattern.compile("(ROLLBRIDGE_[A-Z0-9_]*[A-Z0-9])(?![A-Z0-9_*])");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /** A table row of a variable: the variable cell (perhaps naming several), its default cell. */
    record Row(List<String> variables, String byDefault) {
    }

    @Test
    void everyVariableTheHubBindsIsDocumentedWithItsDefault() throws IOException {
        Map<String, Row> documented = rows(DOCS);
        for (HubSettings.Binding b : HubSettings.bindings()) {
            assertThat(documented).as("docs/configuration.md has no row for %s", b.variable())
                    .containsKey(b.variable());
            assertThat(defaultOf(documented.get(b.variable())))
                    .as("the default docs/configuration.md gives for %s", b.variable()).isEqualTo(b.byDefault());
        }
    }

    @Test
    void everyDocumentedVariableIsReadByTheCode() throws IOException {
        assertThat(unknown(mentioned(DOCS))).as("variables in docs/configuration.md that no code reads").isEmpty();
    }

    @Test
    void theReadmesRowsAgreeWithTheCodeAndPointToTheFullList() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertThat(readme).contains("[docs/configuration.md](docs/configuration.md)");
        assertThat(unknown(mentioned(README))).as("variables in the README that no code reads").isEmpty();
        Map<String, String> defaults = HubSettings.bindings().stream()
                .collect(Collectors.toMap(HubSettings.Binding::variable, HubSettings.Binding::byDefault));
        rows(README).forEach((variable, row) -> {
            if (defaults.containsKey(variable)) {
                assertThat(defaultOf(row)).as("the default the README gives for %s", variable)
                        .isEqualTo(defaults.get(variable));
            }
        });
    }

    @Test
    void aWrongDefaultOrAnInventedVariableIsCaught() {
        assertThat(defaultOf(new Row(List.of("ROLLBRIDGE_WORKERS"), "`3`"))).isNotEqualTo("2");
        assertThat(defaultOf(new Row(List.of("ROLLBRIDGE_ALERTS_AS_OF"), "*(empty: today)*"))).isEmpty();
        assertThat(unknown(Set.of("ROLLBRIDGE_WORKER", "ROLLBRIDGE_BENCH_DB_USER", "ROLLBRIDGE_WORKERS")))
                .containsExactly("ROLLBRIDGE_WORKER");
    }

    /** The rows of every table whose first cell names variables, by variable. */
    static Map<String, Row> rows(Path file) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("| `ROLLBRIDGE_")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            List<String> variables = VARIABLE.matcher(cells[1]).results().map(m -> m.group(1)).toList();
            Row row = new Row(variables, cells[2].strip());
            variables.forEach(v -> assertThat(rows.put(v, row)).as("%s has two rows in %s", v, file).isNull());
        }
        return rows;
    }

    /** The default a row gives: its first code span, or empty for an "(empty ...)" default. */
    static String defaultOf(Row row) {
        if (row.byDefault().startsWith("*(empty")) {
            return "";
        }
        Matcher code = CODE.matcher(row.byDefault());
        assertThat(code.find()).as("the default of %s is neither a `value` nor *(empty...)*", row.variables()).isTrue();
        return code.group(1);
    }

    static Set<String> mentioned(Path file) throws IOException {
        return VARIABLE.matcher(Files.readString(file, StandardCharsets.UTF_8)).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> unknown(Set<String> variables) {
        Set<String> known = HubSettings.bindings().stream().map(HubSettings.Binding::variable)
                .collect(Collectors.toSet());
        return variables.stream().filter(v -> !known.contains(v) && !HubSettings.otherTool(v))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
