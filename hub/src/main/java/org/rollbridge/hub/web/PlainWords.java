package org.rollbridge.hub.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rollbridge.hub.HubClock;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.retention.RetentionCategory;
import org.rollbridge.hub.retention.RetentionClock;
import org.springframework.stereotype.Component;

/**
 * Dates, times, periods and the retention schedule's names as people read them, for the templates
 * ({@code ${@words.at(...)}}): "7 December 2026", "7 December 2026 at 05:49" (London time), "25 years",
 * "Education record", "LA administrator", "Not a match" rather than ISO text and code names; and the GOV.UK tag
 * colour of a status.
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

    /** A moment or a day, whichever the value is, as people read it; anything else as it is. */
    public String when(Object value) {
        return switch (value) {
            case null -> "";
            case Instant instant -> at(instant);
            case java.time.OffsetDateTime time -> at(time.toInstant());
            case LocalDate day -> day(day);
            default -> value.toString();
        };
    }

    /**
     * One part ({@code day}, {@code month} or {@code year}) of a date, or of year-month-day text, for a GOV.UK date
     * input's boxes; empty when there is no date.
     */
    public String datePart(Object value, String part) {
        LocalDate day;
        try {
            day = value instanceof LocalDate given ? given
                    : value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString().strip());
        } catch (java.time.format.DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            return "";
        }
        return switch (part) {
            case "day" -> String.valueOf(day.getDayOfMonth());
            case "month" -> String.valueOf(day.getMonthValue());
            default -> String.valueOf(day.getYear());
        };
    }

    /** The rule that matched a record to a person ({@code PROBABILISTIC}) as the pupil page explains it. */
    public String matchRule(String rule) {
        return PupilPage.howMatched(rule, null);
    }

    /** A role by its code name ({@code LA_ADMIN}) as the pages name it ("LA administrator (whole system, exports)"). */
    public String role(String name) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().map(Role::description)
                .orElse(name == null ? "" : name);
    }

    /**
     * A status as stored ({@code raised}, {@code not_a_match}, {@code completed}) in words: "Raised", "Not a match".
     */
    public String status(String status) {
        if (status == null || status.isBlank()) {
            return "";
        }
        String words = status.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The GOV.UK tag for a status, coloured by what it asks of the reader: red for a failure or refusal, orange
     * for something waiting on someone, blue while in hand, green when done, grey for what is over or neutral.
     */
    public String tag(String status) {
        String colour = switch (status == null ? "" : status.toLowerCase(Locale.UK)) {
            case "failed", "refused", "error", "overdue", "denied" -> "red";
            case "raised", "open", "held", "queued", "waiting", "warning" -> "orange";
            case "assigned", "acknowledged", "processing", "received", "in_progress" -> "blue";
            case "completed", "resolved", "ok", "done", "linked", "active", "released" -> "green";
            default -> "grey";
        };
        return "govuk-tag govuk-tag--" + colour;
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
