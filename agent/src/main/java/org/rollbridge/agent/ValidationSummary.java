package org.rollbridge.agent;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.Rule;

/**
 * What local validation found in one export: counts only (never a pupil's details), by rule id as the hub names
 * them. {@code fileError} is set when the file as a whole cannot be sent.
 */
public record ValidationSummary(String file, String feed, String at, int records, int accepted, int errors,
                                int warnings, Map<String, Integer> byRule, String fileError) {

    public ValidationSummary {
        byRule = new TreeMap<>(byRule);
    }

    /**
     * The errors that stop a whole file being sent, in the words of core's rules, each with its line when it has
     * one (an unclosed quote, bytes that are not UTF-8); no pupil's details.
     */
    static String fileProblems(FileReport report) {
        return report.findings().stream().filter(f -> f.error() && f.rule().scope() != Rule.Scope.RECORD)
                .map(ValidationSummary::withLine)
                .distinct().limit(5).collect(Collectors.joining(" "));
    }

    /** The finding's message, led by its line unless it names it already (the CTF reader's messages do). */
    private static String withLine(Finding f) {
        Long line = f.record().line();
        return line == null || f.message().contains("line " + line + ",") ? f.message()
                : "line " + line + ": " + f.message();
    }

    public boolean usable() {
        return fileError == null;
    }

    public String line() {
        if (fileError != null) {
            return file + ": not sent - " + fileError;
        }
        return file + ": " + records + " records, " + accepted + " accepted, " + errors + " with errors, "
                + warnings + " warnings" + (byRule.isEmpty() ? "" : " " + byRule);
    }
}
