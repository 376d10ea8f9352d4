package org.rollbridge.core.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders {@code docs/validation-rules.md} from the {@link Rule} catalogue, so the documentation can never drift
 * from the rules. Regenerate with {@code ./mvnw -pl core test -Drollbridge.regenerate-docs=true} (or run this
 * class's main with the docs folder); a test fails when the file differs from the catalogue.
 */
public final class RuleCatalogueDoc {

    private RuleCatalogueDoc() {
    }

    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Validation rules\n\n");
        md.append("<!-- Generated from org.rollbridge.core.validation.Rule: do not edit by hand. Regenerate with\n");
        md.append("     ./mvnw -pl core test -Drollbridge.regenerate-docs=true -->\n\n");
        md.append("`./rollbridge validate` checks every file against these rules. A rule's id is part of the\n");
        md.append("public contract (JSON, CSV and HTML reports). An **error** holds the record back (or refuses\n");
        md.append("the whole file, for file rules); a **warning** is reported and the record goes through.\n\n");
        md.append("An LA can change a rule's severity with a properties file of `RULE_ID=error|warning|off`\n");
        md.append("lines, given with `--rules FILE` or the environment variable `").append(RuleSettings.ENVIRONMENT_VARIABLE)
                .append("`.\nRules about files that cannot be read at all cannot be changed; they always give exit code 2.\n")
                .append("Nor can `").append(Rule.CSV_CONTROL_CHARACTER.id()).append("`: ")
                .append(Rule.CSV_CONTROL_CHARACTER.fixedBecause()).append(".\n\n");
        md.append("| rule | severity | applies to | field | what it means |\n|---|---|---|---|---|\n");
        for (Rule r : Rule.values()) {
            md.append("| [`").append(r.id()).append("`](#").append(r.id().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(r.defaultSeverity().label()).append(" | ").append(scope(r.scope()))
                    .append(" | `").append(r.field()).append("` | ").append(cell(r.explanation())).append(" |\n");
        }
        for (Rule r : Rule.values()) {
            md.append("\n## ").append(r.id()).append("\n\n");
            md.append(r.explanation()).append("\n\n");
            md.append("- Default severity: ").append(r.defaultSeverity().label()).append("\n");
            md.append("- Applies to: ").append(scope(r.scope())).append("\n");
            md.append("- Field: `").append(r.field()).append("`\n");
            if (!r.messageTemplate().matches("\\{\\d+}")) {
                md.append("- Message: ").append(r.messageTemplate()).append("\n");
            }
            md.append("- How to fix it in your MIS: ").append(r.fix()).append("\n");
        }
        return md.toString();
    }

    private static String scope(Rule.Scope scope) {
        return switch (scope) {
            case RECORD -> "record";
            case FILE -> "whole file";
            case UNREADABLE -> "file not readable (exit 2)";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** Writes the rules page into the given docs folder (default {@code docs}). */
    public static void main(String[] args) throws IOException {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        Files.writeString(docs.resolve("validation-rules.md"), render(), StandardCharsets.UTF_8);
    }
}
