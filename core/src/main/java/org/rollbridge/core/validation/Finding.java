package org.rollbridge.core.validation;

import java.util.Objects;

/**
 * One thing wrong with a file or a record: which rule, how much it matters, where, the field and value found,
 * what it means and how to fix it in the MIS.
 */
public record Finding(Rule rule, Severity severity, RecordRef record, String field, String value,
                      String message, String fix) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        record = record == null ? RecordRef.file() : record;
        field = field == null ? rule.field() : field;
        fix = fix == null ? rule.fix() : fix;
    }

    public boolean error() {
        return severity == Severity.ERROR;
    }

    public boolean warning() {
        return severity == Severity.WARNING;
    }
}
