package org.rollbridge.hub.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.rollbridge.core.code.AttendanceGroup;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.Session;

class AttendanceTalliesTest {

    @Test
    void weeksStartOnMondaysAndOnTheFirstOfSeptemberAndOfJanuary() {
        WeekBuckets weeks = new WeekBuckets(2025);

        // 1 August 2025 is a Friday: week 0 is that Friday to Sunday, week 1 starts on Monday 4 August.
        assertThat(weeks.of(LocalDate.of(2025, 8, 3))).isZero();
        assertThat(weeks.of(LocalDate.of(2025, 8, 4))).isEqualTo(1);
        // 1 September 2025 is a Monday anyway; 1 January 2026 is a Thursday and starts a week of its own.
        assertThat(weeks.start(weeks.of(LocalDate.of(2025, 9, 3)))).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(weeks.start(weeks.of(LocalDate.of(2026, 1, 2)))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(weeks.end(weeks.of(LocalDate.of(2025, 12, 30)))).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(weeks.end(weeks.count() - 1)).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThatThrownBy(() -> weeks.of(LocalDate.of(2026, 8, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTallyRunsUpThePossibleAbsentAndUnauthorisedSessionsWeekByWeek() {
        char[] marks = YearMarks.empty();
        LocalDate monday = LocalDate.of(2025, 9, 8);
        put(marks, monday, "/N");                     // present, unauthorised
        put(marks, monday.plusDays(1), "Ib");         // ill, J1 (interview, authorised)
        put(marks, monday.plusDays(2), "#D");         // closed, at the other school: not possible
        put(marks, monday.plusDays(7), "LV");         // late before close, educational visit

        AttendanceTallies.Tally t = AttendanceTallies.tally(2025, new String(marks));
        WeekBuckets weeks = new WeekBuckets(2025);
        int first = weeks.of(monday) + 1;

        assertThat(t.possible()[first] - t.possible()[first - 1]).isEqualTo(4);
        assertThat(t.absent()[first] - t.absent()[first - 1]).isEqualTo(3);
        assertThat(t.unauthorised()[first] - t.unauthorised()[first - 1]).isEqualTo(1);
        assertThat(t.possible()[first + 1]).isEqualTo((short) 6);
        assertThat(t.absent()[t.absent().length - 1]).isEqualTo((short) 3);
        assertThat(t.lastDay()).isEqualTo(monday.plusDays(7));
    }

    /** A tally counts each mark in the week and with the code set of its own day, whichever the year. */
    @Test
    void aTallyCountsEveryMarkInItsDaysWeekAndByItsDaysCodes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int year : new int[] {2023, 2024, 2027}) {     // before, across and after the 2024 code change; a leap year
            WeekBuckets weeks = new WeekBuckets(year);
            char[] marks = YearMarks.empty();
            for (int i = 0; i < marks.length; i++) {
                int pick = random.nextInt(140);
                marks[i] = pick < 128 ? (char) pick : YearMarks.NONE;
            }
            AttendanceTallies.Tally t = AttendanceTallies.tally(year, new String(marks));

            short[] possible = new short[weeks.count() + 1];
            short[] absent = new short[weeks.count() + 1];
            LocalDate last = null;
            for (int i = 0; i < marks.length; i++) {
                LocalDate day = YearMarks.dayAt(year, i);
                AttendanceGroup g = AttendanceTallies.group(marks[i], day).orElse(null);
                if (day.isBefore(YearMarks.yearStart(year + 1)) && g != null && g.possible()) {
                    possible[weeks.of(day) + 1]++;
                    absent[weeks.of(day) + 1] += (short) (g.absence() ? 1 : 0);
                    last = day;
                }
            }
            for (int k = 1; k < possible.length; k++) {
                possible[k] += possible[k - 1];
                absent[k] += absent[k - 1];
            }
            assertThat(t.possible()).isEqualTo(possible);
            assertThat(t.absent()).isEqualTo(absent);
            assertThat(t.lastDay()).isEqualTo(last);
            assertThat(WeekBuckets.forYear(year).count()).isEqualTo(weeks.count());
        }
    }

    private static void put(char[] marks, LocalDate day, String amPm) {
        marks[YearMarks.position(day, Session.AM)] = amPm.charAt(0);
        marks[YearMarks.position(day, Session.PM)] = amPm.charAt(1);
    }
}
