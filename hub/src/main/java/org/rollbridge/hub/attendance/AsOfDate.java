package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.rollbridge.hub.Refusal;

/** The date a dashboard's figures are as of: the one asked for, else the latest day with marks up to today. */
public final class AsOfDate {

    private AsOfDate() {
    }

    public static LocalDate chosen(String on, LocalDate latestMarked, LocalDate today) {
        if (on != null && !on.isBlank()) {
            try {
                LocalDate d = LocalDate.parse(on.strip());
                if (d.isAfter(today)) {
                    throw new Refusal.Invalid("The date " + on.strip()
                            + " is in the future; choose today or an earlier date");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new Refusal.Invalid("The date '" + on.strip()
                        + "' is not a date: write it as year-month-day, for example 2025-10-17");
            }
        }
        return latestMarked != null ? latestMarked : today;
    }
}
