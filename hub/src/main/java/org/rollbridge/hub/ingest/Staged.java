package org.rollbridge.hub.ingest;

import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Outcome;

/**
 * What staging a batch produced: the validation report of its file (the same as {@code rollbridge validate} gives)
 * and how many records went into the staging table. Records with errors were not staged.
 *
 * @param staged records (marks, for attendance) put in the staging table
 */
public record Staged(FileReport report, int staged) {

    /** A file-level error: nothing is stored but the report. */
    public boolean refused() {
        return report.outcome() == Outcome.REFUSED;
    }

    public int read() {
        return report.records();
    }

    /** Records held back because they have errors. */
    public int errors() {
        return report.recordsWithErrors();
    }

    public long warnings() {
        return report.warnings();
    }
}
