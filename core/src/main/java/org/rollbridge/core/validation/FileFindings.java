package org.rollbridge.core.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects one file's findings as its records are checked, applying the LA's severities. */
final class FileFindings {

    private final RuleSettings settings;
    private final List<Finding> findings = new ArrayList<>();
    private int recordsWithErrors;

    FileFindings(RuleSettings settings) {
        this.settings = settings;
    }

    /** A sink for the findings about one record. */
    RecordSink record(RecordRef ref) {
        return new RecordSink(ref);
    }

    void add(Rule rule, RecordRef ref, String field, String value, Object... args) {
        Severity severity = settings.severityOf(rule);
        if (severity != Severity.OFF) {
            findings.add(new Finding(rule, severity, ref, field, value, rule.message(args), rule.fix()));
        }
    }

    List<Finding> findings() {
        return findings;
    }

    int recordsWithErrors() {
        return recordsWithErrors;
    }

    /** Findings about one record; remembers whether any was an error, so the record counts as held back once. */
    final class RecordSink implements FindingSink {
        private final RecordRef ref;
        private boolean error;

        private RecordSink(RecordRef ref) {
            this.ref = ref;
        }

        @Override
        public void add(Rule rule, String field, String value, Object... args) {
            Severity severity = settings.severityOf(rule);
            if (severity == Severity.OFF) {
                return;
            }
            findings.add(new Finding(rule, severity, ref, field, value, rule.message(args), rule.fix()));
            if (severity == Severity.ERROR && !error) {
                error = true;
                recordsWithErrors++;
            }
        }

        /** Whether any finding so far is an error: the record is to be held back. */
        boolean hasError() {
            return error;
        }
    }
}
