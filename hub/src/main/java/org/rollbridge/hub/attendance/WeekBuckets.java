package org.rollbridge.hub.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The weeks of one academic year as attendance_tallies counts them: from 1 August, a new week every Monday and
 * also on 1 September and 1 January, so that the academic year (from 1 September) and every term (autumn from
 * 1 September, spring from 1 January, summer from Easter Monday) start at the start of a week.
 */
public final class WeekBuckets {

    /** The years asked for so far: a merge tallies thousands of pupil-years of the same one or two years. */
    private static final Map<Integer, WeekBuckets> YEARS = new ConcurrentHashMap<>();

    private final int academicYear;
    private final List<LocalDate> starts;
    /** The week of each day of the year, by its position from 1 August (a marks string's position / 2). */
    private final int[] weekOfDay;

    public WeekBuckets(int academicYear) {
        this.academicYear = academicYear;
        List<LocalDate> s = new ArrayList<>();
        LocalDate first = YearMarks.yearStart(academicYear);
        LocalDate end = YearMarks.yearStart(academicYear + 1);
        int[] week = new int[(int) (end.toEpochDay() - first.toEpochDay())];
        int i = 0;
        for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
            if (d.equals(first) || d.getDayOfWeek() == DayOfWeek.MONDAY
                    || (d.getDayOfMonth() == 1 && (d.getMonthValue() == 9 || d.getMonthValue() == 1))) {
                s.add(d);
            }
            week[i++] = s.size() - 1;
        }
        this.starts = List.copyOf(s);
        this.weekOfDay = week;
    }

    /** The same weeks as {@code new WeekBuckets(academicYear)}, made once per year and shared (it is immutable). */
    public static WeekBuckets forYear(int academicYear) {
        return YEARS.computeIfAbsent(academicYear, WeekBuckets::new);
    }

    public int academicYear() {
        return academicYear;
    }

    public int count() {
        return starts.size();
    }

    /** The number of days in this academic year (from 1 August). */
    public int days() {
        return weekOfDay.length;
    }

    /** The week of the day {@code dayIndex} days after 1 August, 0-based; {@code dayIndex} below {@link #days()}. */
    public int ofDayIndex(int dayIndex) {
        return weekOfDay[dayIndex];
    }

    /** The week a day of this academic year falls in, 0-based. */
    public int of(LocalDate day) {
        int i = Collections.binarySearch(starts, day);
        int week = i >= 0 ? i : -i - 2;
        if (week < 0 || !day.isBefore(YearMarks.yearStart(academicYear + 1))) {
            throw new IllegalArgumentException(day + " is not in the academic year from " + starts.get(0));
        }
        return week;
    }

    public LocalDate start(int week) {
        return starts.get(week);
    }

    /** The last day of a week. */
    public LocalDate end(int week) {
        return week + 1 < starts.size() ? starts.get(week + 1).minusDays(1)
                : YearMarks.yearStart(academicYear + 1).minusDays(1);
    }
}
