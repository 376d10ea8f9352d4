package org.rollbridge.synth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.core.indicators.Term;

/**
 * England's school year as most LAs set it: autumn, spring and summer terms, each with a half-term week, Christmas and
 * Easter holidays (Easter from the Gregorian computus), bank holidays. Schools add their own INSET days.
 */
public record TermDates(int academicYear, List<LocalDate[]> terms, List<LocalDate> bankHolidays) {

    public static TermDates of(int year) {
        int next = year + 1;
        LocalDate autumnStart = LocalDate.of(year, 9, 2).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        LocalDate octHalfMonday = LocalDate.of(year, 10, 27).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate autumnEnd = LocalDate.of(year, 12, 20).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        LocalDate springStart = LocalDate.of(next, 1, 3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate febHalfMonday = LocalDate.of(next, 2, 13).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate easter = Term.easterSunday(next);
        LocalDate springEnd = easter.minusDays(9);
        LocalDate summerStart = easter.plusDays(8);
        LocalDate mayHalfMonday = LocalDate.of(next, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate summerEnd = LocalDate.of(next, 7, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        List<LocalDate[]> terms = List.of(
                new LocalDate[] {autumnStart, octHalfMonday.minusDays(3)},
                new LocalDate[] {octHalfMonday.plusDays(7), autumnEnd},
                new LocalDate[] {springStart, febHalfMonday.minusDays(3)},
                new LocalDate[] {febHalfMonday.plusDays(7), springEnd},
                new LocalDate[] {summerStart, mayHalfMonday.minusDays(3)},
                new LocalDate[] {mayHalfMonday.plusDays(7), summerEnd});
        List<LocalDate> bank = new ArrayList<>(List.of(
                LocalDate.of(next, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
                easter.minusDays(2), easter.plusDays(1)));
        return new TermDates(year, terms, List.copyOf(bank));
    }

    /** A weekday inside a term and not a bank holiday: a day the school may open to pupils. */
    public boolean termDay(LocalDate d) {
        if (d.getDayOfWeek().getValue() >= 6 || bankHolidays.contains(d)) {
            return false;
        }
        for (LocalDate[] t : terms) {
            if (!d.isBefore(t[0]) && !d.isAfter(t[1])) {
                return true;
            }
        }
        return false;
    }

    /** Term days next to a holiday, where schools put INSET days; plus the weekdays before the autumn term. */
    List<LocalDate> insetCandidates() {
        List<LocalDate> c = new ArrayList<>();
        for (LocalDate[] t : terms) {
            c.add(t[0]);
            c.add(t[1]);
        }
        return c;
    }

    /** Weekdays from 1 September to the day before the autumn term: staff training days everywhere. */
    List<LocalDate> daysBeforeAutumnTerm() {
        List<LocalDate> c = new ArrayList<>();
        for (LocalDate d = LocalDate.of(academicYear, 9, 1); d.isBefore(terms.get(0)[0]); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() < 6) {
                c.add(d);
            }
        }
        return c;
    }

    /** The date local elections are held (first Thursday in May), when schools used as polling stations close. */
    LocalDate pollingDay() {
        return LocalDate.of(academicYear + 1, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.THURSDAY));
    }

    static boolean isWinter(LocalDate d) {
        MonthDay md = MonthDay.from(d);
        return md.isAfter(MonthDay.of(11, 30)) || md.isBefore(MonthDay.of(3, 1));
    }
}
