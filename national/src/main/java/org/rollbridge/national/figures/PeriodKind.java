package org.rollbridge.national.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.Term;

/** The periods the national figures are published for each morning, all ending on the as-of date. */
public enum PeriodKind {
    YEAR_TO_DATE("la_phase.csv"),
    TERM("la_phase_term.csv"),
    WEEK("la_phase_week.csv");

    private final String fileName;

    PeriodKind(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The dates counted as of {@code asOf}: from the period's start (never before the academic year) to as-of. */
    public Period range(LocalDate asOf) {
        LocalDate yearStart = Period.academicYearContaining(asOf).from();
        LocalDate from = switch (this) {
            case YEAR_TO_DATE -> yearStart;
            case TERM -> Term.containing(asOf).dates().from();
            case WEEK -> asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
        return new Period(from.isBefore(yearStart) ? yearStart : from, asOf);
    }

    /** {@code time_identifier} as the DfE writes it. */
    public String timeIdentifier(LocalDate asOf) {
        return switch (this) {
            case YEAR_TO_DATE -> "Academic year";
            case TERM -> {
                String season = Term.containing(asOf).name().replaceAll("^[0-9]+-", "");
                yield season.substring(0, 1).toUpperCase(Locale.ROOT) + season.substring(1) + " term";
            }
            case WEEK -> "Week " + asOf.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        };
    }

    /** {@code time_period}: the academic year as the DfE writes it, 2025/26 as {@code 202526}. */
    public static String timePeriod(LocalDate asOf) {
        int start = Period.academicYearContaining(asOf).from().getYear();
        return start + String.format("%02d", (start + 1) % 100);
    }
}
