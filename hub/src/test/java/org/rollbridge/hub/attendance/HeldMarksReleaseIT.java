package org.rollbridge.hub.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/** Marks held for a pupil not yet on the school's roll, released when the school's CTF puts them on it. */
@HubTest
class HeldMarksReleaseIT {

    static RunningHub hub;
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    @Test
    void theSameSessionHeldByTwoBatchesIsReleasedOnceWithTheLaterBatchsCode() throws Exception {
        School school = hub.school("9264601");
        String pupil = upn(school.laestab(), 1);
        school.completed("first", new AttendanceCsv().days(school.laestab(), pupil, MONDAY, 5, "N", "N"));
        school.completed("second", new AttendanceCsv().days(school.laestab(), pupil, MONDAY, 5, "O", "/"));

        long person = RegisteredPerson.withUpn(pupil).in(hub);
        school.completed("roll", CtfFixture.partial(school.laestab()).add(pupil));

        assertThat(code(hub, person, school.laestab(), MONDAY, Session.AM)).isEqualTo("O");
        assertThat(code(hub, person, school.laestab(), MONDAY.plusDays(4), Session.PM)).isEqualTo("/");
        assertThat(hub.db().sql("select count(*) from held_records where upn = ? and status = 'held'")
                .param(pupil).query(Long.class).single()).isZero();
    }

    /** The code stored for one session, or null for none. */
    static String code(RunningHub hub, long person, String laestab, LocalDate day, Session session) {
        String marks = hub.db().sql("""
                select marks from attendance_years where person_id = ? and laestab = ? and academic_year = ?""")
                .params(person, laestab, YearMarks.academicYear(day)).query(String.class).optional().orElse(null);
        return marks == null ? null : YearMarks.code(marks.charAt(YearMarks.position(day, session))).orElse(null);
    }
}
