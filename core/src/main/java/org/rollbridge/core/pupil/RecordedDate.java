package org.rollbridge.core.pupil;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A date as the school recorded it. The text is kept as sent, so an impossible date (2015-02-30) reaches the
 * validator as a finding instead of failing the file; {@link #date()} gives the date when the text is one.
 * Accepts ISO dates ({@code 2016-05-14}), an ISO date-time's date part, and {@code 14/05/2016}.
 */
public record RecordedDate(String text) {

    private static final RecordedDate ABSENT = new RecordedDate(null);

    public static RecordedDate of(String text) {
        return text == null || text.isBlank() ? ABSENT : new RecordedDate(text);
    }

    public static RecordedDate of(LocalDate date) {
        return date == null ? ABSENT : new RecordedDate(date.toString());
    }

    public static RecordedDate absent() {
        return ABSENT;
    }

    public boolean present() {
        return text != null && !text.isBlank();
    }

    public Optional<LocalDate> date() {
        if (!present()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            if (t.length() >= 10 && t.charAt(4) == '-') {
                if (t.charAt(7) == '-' && digits(t, 0, 4) && digits(t, 5, 7) && digits(t, 8, 10)) {
                    // the common case, without the cost of a formatter; LocalDate.of is as strict as ISO parsing
                    return Optional.of(LocalDate.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 5, 7, 10),
                            Integer.parseInt(t, 8, 10, 10)));
                }
                return Optional.of(LocalDate.parse(t.substring(0, 10)));
            }
            if (t.length() == 10 && t.charAt(2) == '/' && t.charAt(5) == '/') {
                return Optional.of(LocalDate.of(Integer.parseInt(t.substring(6)),
                        Integer.parseInt(t.substring(3, 5)), Integer.parseInt(t.substring(0, 2))));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Present but not a real date. */
    public boolean invalid() {
        return present() && date().isEmpty();
    }

    @Override
    public String toString() {
        return text == null ? "" : text;
    }
}
