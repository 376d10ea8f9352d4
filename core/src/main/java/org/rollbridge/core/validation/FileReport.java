package org.rollbridge.core.validation;

import java.util.List;

/**
 * The findings for one file. {@code kind} and {@code school} are null when unknown; {@code records} counts the
 * pupils (CTF) or data rows (CSV) read; {@code recordsWithErrors} those that would be held back.
 */
public record FileReport(String path, FileKind kind, SchoolRef school, int records, int recordsWithErrors,
                         List<Finding> findings) {

    public FileReport {
        findings = List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(Finding::error).count();
    }

    public long warnings() {
        return findings.stream().filter(Finding::warning).count();
    }

    /** The file could not be read at all (missing, unreadable, not well-formed, a DTD, not a known kind). */
    public boolean unreadable() {
        return findings.stream().anyMatch(f -> f.rule().scope() == Rule.Scope.UNREADABLE);
    }

    public Outcome outcome() {
        boolean fileError = findings.stream().anyMatch(f -> f.error() && f.rule().scope() != Rule.Scope.RECORD);
        if (unreadable() || fileError) {
            return Outcome.REFUSED;
        }
        return errors() > 0 ? Outcome.HELD_BACK_IN_PART : Outcome.ACCEPTED;
    }
}
