package org.rollbridge.core.text;

import java.util.regex.Pattern;

/**
 * The text of a cell in a CSV file a person will open in a spreadsheet, neutralised against formula injection: a
 * value a spreadsheet would take for a formula (starting {@code = + - @}, tab or carriage return) gets a leading
 * apostrophe, so a hostile value cannot run in the reader's spreadsheet. A plain number (say {@code -1.5}) and a
 * lone {@code -} (no figure) are left alone: neither can be a formula.
 */
public final class SpreadsheetCell {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SpreadsheetCell() {
    }

    public static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.isEmpty() || "=+-@\t\r".indexOf(s.charAt(0)) < 0 || s.equals("-") || NUMBER.matcher(s).matches()) {
            return s;
        }
        return "'" + s;
    }
}
