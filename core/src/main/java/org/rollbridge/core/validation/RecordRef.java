package org.rollbridge.core.validation;

import org.rollbridge.core.text.ControlCharacters;

/**
 * Which record a finding is about, as the school knows it: the UPN, the record's position in the file (1-based:
 * the pupil's place in a CTF, the data row in a CSV), the line it starts on, and the name and year group that
 * let a school data manager find the pupil in the MIS. All may be null for a finding about the whole file.
 * Control characters in the texts are shown as {@code [U+0000]} ({@link ControlCharacters}).
 */
public record RecordRef(String upn, Integer position, Long line, String forename, String surname, String ncYear) {

    public RecordRef {
        upn = ControlCharacters.shown(upn);
        forename = ControlCharacters.shown(forename);
        surname = ControlCharacters.shown(surname);
        ncYear = ControlCharacters.shown(ncYear);
    }

    private static final RecordRef FILE = new RecordRef(null, null, null, null, null, null);

    /** The file as a whole. */
    public static RecordRef file() {
        return FILE;
    }

    /** A line of the file that is not (yet) a record, such as a header row. */
    public static RecordRef line(long line) {
        return new RecordRef(null, null, line, null, null, null);
    }

    public boolean wholeFile() {
        return upn == null && position == null && line == null;
    }
}
