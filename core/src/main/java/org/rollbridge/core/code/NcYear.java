package org.rollbridge.core.code;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** National curriculum year group, including early years, reception and X (not following the NC). */
public enum NcYear implements CodeList {
    E1("E1", "Early years 1", 0),
    E2("E2", "Early years 2", 1),
    N1("N1", "Nursery 1", 2),
    N2("N2", "Nursery 2", 3),
    R("R", "Reception", 4),
    Y1("1", "Year 1", 5),
    Y2("2", "Year 2", 6),
    Y3("3", "Year 3", 7),
    Y4("4", "Year 4", 8),
    Y5("5", "Year 5", 9),
    Y6("6", "Year 6", 10),
    Y7("7", "Year 7", 11),
    Y8("8", "Year 8", 12),
    Y9("9", "Year 9", 13),
    Y10("10", "Year 10", 14),
    Y11("11", "Year 11", 15),
    Y12("12", "Year 12", 16),
    Y13("13", "Year 13", 17),
    Y14("14", "Year 14", 18),
    X("X", "Not following the national curriculum", -1);

    private final String code;
    private final String description;
    private final int ageAtStart;

    NcYear(String code, String description, int ageAtStart) {
        this.code = code;
        this.description = description;
        this.ageAtStart = ageAtStart;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }

    /** Age on 31 August before the academic year starts for pupils in this year group; -1 for X. */
    public int ageAtStartOfYear() {
        return ageAtStart;
    }

    /** The first calendar year of the academic year containing {@code date} (September starts a new one). */
    public static int academicYearOf(LocalDate date) {
        return date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
    }

    /** Age on 31 August before the academic year that contains {@code onDate}. */
    public static int ageAtStartOfAcademicYear(LocalDate dob, LocalDate onDate) {
        LocalDate august31 = LocalDate.of(academicYearOf(onDate), 8, 31);
        return Period.between(dob, august31).getYears();
    }

    /** The year group expected from the date of birth (DOMAIN: age 4 = R, 5 = Year 1, ... 15 = Year 11). */
    public static Optional<NcYear> expectedFor(LocalDate dob, LocalDate onDate) {
        int age = ageAtStartOfAcademicYear(dob, onDate);
        for (NcYear y : values()) {
            if (y.ageAtStart == age) {
                return Optional.of(y);
            }
        }
        return Optional.empty();
    }
}
