package org.rollbridge.core.validation;

import java.util.Objects;
import org.rollbridge.core.text.ControlCharacters;

/**
 * One thing wrong with a file or a record: which rule, how much it matters, where, the field and value found,
 * what it means and how to fix it in the MIS. Control characters in the value and message are shown as
 * {@code [U+0000]}: they are invisible to the reader, and a NUL cannot be stored in PostgreSQL.
 */
public record Finding(Rule rule, Severity severity, RecordRef record, String field, String value,
                      String message, String fix) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        record = record == null ? RecordRef.file() : record;
        field = field == null ? rule.field() : field;
        fix = fix == null ? rule.fix() : fix;
        value = ControlCharacters.shown(value);
        message = ControlCharacters.shown(message);
    }

    public boolean error() {
        return severity == Severity.ERROR;
    }

    public boolean warning() {
        return severity == Severity.WARNING;
    }
}
