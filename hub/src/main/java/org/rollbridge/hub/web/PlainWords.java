package org.rollbridge.hub.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rollbridge.hub.HubClock;
import org.rollbridge.hub.retention.RetentionCategory;
import org.rollbridge.hub.retention.RetentionClock;
import org.springframework.stereotype.Component;

/**
 * Dates, times, periods and the retention schedule's names as people read them, for the templates
 * ({@code ${@words.at(...)}}): "7 December 2026", "7 December 2026 at 05:49" (London time), "25 years",
 * "Education record" rather than ISO text and code names.
 */
@Component("words")
public class PlainWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(HubClock.LONDON);

    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String at(Instant at) {
        return at == null ? "" : AT.format(at);
    }

    /** An ISO-8601 period ({@code P25Y}, {@code P6Y6M}) in words: "25 years", "6 years and 6 months". */
    public String period(Object period) {
        if (period == null) {
            return "";
        }
        Period p = period instanceof Period given ? given : Period.parse(period.toString());
        List<String> parts = new ArrayList<>();
        add(parts, p.getYears(), "year");
        add(parts, p.getMonths(), "month");
        add(parts, p.getDays(), "day");
        if (parts.isEmpty()) {
            return "no time";
        }
        String last = parts.removeLast();
        return parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
    }

    private static void add(List<String> parts, int n, String unit) {
        if (n != 0) {
            parts.add(n + " " + unit + (Math.abs(n) == 1 ? "" : "s"));
        }
    }

    /** A retention category by its id ({@code looked-after}) as the pages name it ("Looked after"). */
    public String category(String id) {
        return RetentionCategory.byId(id).map(RetentionCategory::label).orElse(id);
    }

    /** A retention clock by its id ({@code birth}) as the pages name it ("Date of birth"). */
    public String clock(String id) {
        return RetentionClock.byId(id).map(RetentionClock::label).orElse(id);
    }
}
