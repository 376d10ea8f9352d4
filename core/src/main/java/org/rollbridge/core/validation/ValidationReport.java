package org.rollbridge.core.validation;

import java.util.List;

/** The findings for every file of one run, and what they add up to. */
public record ValidationReport(List<FileReport> files) {

    /** Exit code 0: no errors (warnings allowed). */
    public static final int OK = 0;
    /** Exit code 1: at least one error. */
    public static final int ERRORS = 1;
    /** Exit code 2: a file could not be read at all. */
    public static final int UNREADABLE = 2;

    public ValidationReport {
        files = List.copyOf(files);
    }

    public long errors() {
        return files.stream().mapToLong(FileReport::errors).sum();
    }

    public long warnings() {
        return files.stream().mapToLong(FileReport::warnings).sum();
    }

    public int records() {
        return files.stream().mapToInt(FileReport::records).sum();
    }

    public int recordsWithErrors() {
        return files.stream().mapToInt(FileReport::recordsWithErrors).sum();
    }

    public Outcome outcome() {
        Outcome o = Outcome.ACCEPTED;
        for (FileReport f : files) {
            o = o.worse(f.outcome());
        }
        return o;
    }

    public int exitCode() {
        if (files.stream().anyMatch(FileReport::unreadable)) {
            return UNREADABLE;
        }
        return errors() > 0 ? ERRORS : OK;
    }
}
