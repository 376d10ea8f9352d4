package org.rollbridge.core.feed;

/**
 * Something wrong with the shape of a feed CSV, found while reading it: a required column missing from the header
 * (the file cannot be read further), a row with the wrong number of fields (the row is still handed on, missing
 * fields empty), or a quoted field never closed (the rest of the file cannot be read).
 *
 * @param line the 1-based line the problem is on (1 for the header)
 * @param column the missing column, for {@link Kind#MISSING_COLUMN}
 * @param found fields found on the row, for {@link Kind#FIELD_COUNT}
 * @param expected fields in the header, for {@link Kind#FIELD_COUNT}
 */
public record CsvProblem(Kind kind, long line, String column, int found, int expected, String detail) {

    public enum Kind {
        MISSING_COLUMN, FIELD_COUNT, UNCLOSED_QUOTE, EMPTY
    }
}
