package org.rollbridge.core.indicators;

import java.time.LocalDate;

/**
 * A school term, as exclusion totals are counted: autumn 1 September to 31 December, spring 1 January to Easter
 * Sunday, summer Easter Monday to 31 August. Schools' own term dates differ by a few days; these boundaries fall
 * in the holidays for almost every school.
 */
public record Term(String name, Period dates) {

    public static Term containing(LocalDate date) {
        int y = date.getYear();
        if (date.getMonthValue() >= 9) {
            return new Term(y + "-autumn", new Period(LocalDate.of(y, 9, 1), LocalDate.of(y, 12, 31)));
        }
        LocalDate easter = easterSunday(y);
        if (!date.isAfter(easter)) {
            return new Term(y + "-spring", new Period(LocalDate.of(y, 1, 1), easter));
        }
        return new Term(y + "-summer", new Period(easter.plusDays(1), LocalDate.of(y, 8, 31)));
    }

    /** Western Easter Sunday (the anonymous Gregorian algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
