package org.rollbridge.core.feed;

/**
 * Something wrong with the shape of a feed CSV, found while reading it: a required column missing from the header
 * (the file cannot be read further), a row with the wrong number of fields (the row is still handed on, missing
 * fields empty), a quoted field never closed or bytes that are not UTF-8 (the rest of the file cannot be read),
 * or a control character in a field (the row is still handed on, for its finding).
 *
 * @param line the 1-based line the problem is on (1 for the header)
 * @param column the missing column, for {@link Kind#MISSING_COLUMN}; the field's column, for
 *        {@link Kind#CONTROL_CHARACTER}
 * @param found fields found on the row, for {@link Kind#FIELD_COUNT}; the offset in the file of the first byte that
 *        is not UTF-8, for {@link Kind#ENCODING}; the 1-based place of the character in the field, for
 *        {@link Kind#CONTROL_CHARACTER}
 * @param expected fields in the header, for {@link Kind#FIELD_COUNT}; the character's code, for
 *        {@link Kind#CONTROL_CHARACTER}
 * @param detail what was wrong; for {@link Kind#CONTROL_CHARACTER} the field's value with its control characters
 *        shown ({@link org.rollbridge.core.text.ControlCharacters#shown})
 */
public record CsvProblem(Kind kind, long line, String column, long found, long expected, String detail) {

    public enum Kind {
        MISSING_COLUMN, FIELD_COUNT, UNCLOSED_QUOTE, ENCODING, CONTROL_CHARACTER, EMPTY
    }
}
