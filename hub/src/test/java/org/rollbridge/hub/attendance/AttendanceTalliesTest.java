package org.rollbridge.hub.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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

    private static void put(char[] marks, LocalDate day, String amPm) {
        marks[YearMarks.position(day, Session.AM)] = amPm.charAt(0);
        marks[YearMarks.position(day, Session.PM)] = amPm.charAt(1);
    }
}
