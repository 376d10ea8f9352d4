package org.rollbridge.synth;

import java.time.LocalDate;
import org.rollbridge.core.code.NcYear;

/**
 * What to generate: the LA, how many schools and pupils, the period whose attendance is recorded, the seed that
 * makes the output reproducible, and how often data-quality errors and duplicate people are injected.
 */
public record Settings(String la, int schools, int pupils, LocalDate from, LocalDate to, long seed,
                       double errorRate, double duplicateRate) {

    public static final String DEFAULT_LA = "926";
    public static final int DEFAULT_SCHOOLS = 40;
    public static final int DEFAULT_PUPILS = 12000;
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2025, 9, 1);
    public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 3, 20);
    public static final long DEFAULT_SEED = 7;
    public static final double DEFAULT_ERROR_RATE = 0.02;
    public static final double DEFAULT_DUPLICATE_RATE = 0.01;

    public Settings {
        if (la == null || !la.matches("\\d{3}")) {
            throw new IllegalArgumentException("--la must be a 3-digit LA code such as 926, not '" + la + "'");
        }
        if (schools < 1 || schools > 5000) {
            throw new IllegalArgumentException("--schools must be between 1 and 5000, not " + schools);
        }
        if (pupils < 10 * schools) {
            throw new IllegalArgumentException("--pupils must be at least 10 per school (" + 10 * schools
                    + " for " + schools + " schools), not " + pupils);
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("--to must be after --from");
        }
        if (NcYear.academicYearOf(from) != NcYear.academicYearOf(to)) {
            throw new IllegalArgumentException("--from and --to must lie in one academic year (1 September to 31 August); "
                    + from + " and " + to + " do not");
        }
        if (to.toEpochDay() - from.toEpochDay() < 28) {
            throw new IllegalArgumentException("the period from --from to --to must be at least 4 weeks, so that an "
                    + "earlier snapshot can be taken");
        }
        if (errorRate < 0 || errorRate > 0.5) {
            throw new IllegalArgumentException("--error-rate must be between 0 and 0.5, not " + errorRate);
        }
        if (duplicateRate < 0 || duplicateRate > 0.5) {
            throw new IllegalArgumentException("--duplicate-rate must be between 0 and 0.5, not " + duplicateRate);
        }
    }

    public static Settings defaults() {
        return new Settings(DEFAULT_LA, DEFAULT_SCHOOLS, DEFAULT_PUPILS, DEFAULT_FROM, DEFAULT_TO, DEFAULT_SEED,
                DEFAULT_ERROR_RATE, DEFAULT_DUPLICATE_RATE);
    }

    /** A small LA for tests: a handful of schools and about a thousand pupils. */
    public static Settings small(long seed) {
        return new Settings(DEFAULT_LA, 6, 1200, DEFAULT_FROM, DEFAULT_TO, seed, DEFAULT_ERROR_RATE,
                DEFAULT_DUPLICATE_RATE);
    }

    public Settings withSeed(long s) {
        return new Settings(la, schools, pupils, from, to, s, errorRate, duplicateRate);
    }

    public Settings withSize(int nSchools, int nPupils) {
        return new Settings(la, nSchools, nPupils, from, to, seed, errorRate, duplicateRate);
    }

    public Settings withPeriod(LocalDate f, LocalDate t) {
        return new Settings(la, schools, pupils, f, t, seed, errorRate, duplicateRate);
    }

    public Settings withRates(double errors, double duplicates) {
        return new Settings(la, schools, pupils, from, to, seed, errors, duplicates);
    }

    /** The academic year (its first calendar year) the period lies in. */
    public int academicYear() {
        return NcYear.academicYearOf(from);
    }

    /** The date of the earlier full-roll snapshot: four weeks before {@code to}. */
    public LocalDate previousSnapshot() {
        return to.minusWeeks(4);
    }
}
