package org.rollbridge.hub.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The weeks of one academic year as attendance_tallies counts them: from 1 August, a new week every Monday and
 * also on 1 September and 1 January, so that the academic year (from 1 September) and every term (autumn from
 * 1 September, spring from 1 January, summer from Easter Monday) start at the start of a week.
 */
public final class WeekBuckets {

    private final int academicYear;
    private final List<LocalDate> starts;

    public WeekBuckets(int academicYear) {
        this.academicYear = academicYear;
        List<LocalDate> s = new ArrayList<>();
        LocalDate first = YearMarks.yearStart(academicYear);
        LocalDate end = YearMarks.yearStart(academicYear + 1);
        for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
            if (d.equals(first) || d.getDayOfWeek() == DayOfWeek.MONDAY
                    || (d.getDayOfMonth() == 1 && (d.getMonthValue() == 9 || d.getMonthValue() == 1))) {
                s.add(d);
            }
        }
        this.starts = List.copyOf(s);
    }

    public int academicYear() {
        return academicYear;
    }

    public int count() {
        return starts.size();
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
