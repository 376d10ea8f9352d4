package org.rollbridge.hub.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.attendance.HeldMarksReleaseIT.code;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/**
 * A CTF writes each mark as its code's first letter ({@code C1} as {@code C}, {@code Y3} as {@code Y}): merged after
 * the attendance file, it keeps the file's codes, precise or not; over a CTF's own marks it changes a genuinely
 * different one (docs/indicators.md, "Precision").
 */
@HubTest
class MarkPrecisionIT {

    static RunningHub hub;
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);
    static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @Test
    void aCtfsFirstLettersKeepTheAttendanceFilesCodesEvenADifferentOne() throws Exception {
        School school = hub.school("9264701");
        String pupil = upn(school.laestab(), 1);
        long person = onRoll(school, pupil);
        school.completed("csv-1", preciseMarks(school.laestab(), pupil));

        school.completed("ctf-1", ctf(school.laestab(), pupil, "Pat", "Pupil"));

        assertPreciseCodesKept(person, school.laestab());
    }

    @Test
    void heldMarksKeepTheirPrecisionWhenReleased() throws Exception {
        School school = hub.school("9264702");
        String pupil = upn(school.laestab(), 1);
        school.completed("csv-1", preciseMarks(school.laestab(), pupil));
        school.completed("ctf-1", ctf(school.laestab(), pupil, "Hedda", "Precision"));

        long person = RegisteredPerson.withUpn(pupil).named("Hedda", "Precision").in(hub);

        assertPreciseCodesKept(person, school.laestab());
    }

    @Test
    void aCtfsMarkReplacesAnotherCtfsDifferentMarkButNeverTheAttendanceFiles() throws Exception {
        School school = hub.school("9264704");
        String pupil = upn(school.laestab(), 1);
        long person = onRoll(school, pupil);
        school.completed("ctf-1", ctf(school.laestab(), pupil, "Pat", "Pupil", "CCYO"));
        school.completed("ctf-2", ctf(school.laestab(), pupil, "Pat", "Pupil", "CCYN"));
        assertThat(code(hub, person, school.laestab(), TUESDAY, Session.PM)).isEqualTo("N");

        school.completed("csv-1", new AttendanceCsv().mark(school.laestab(), pupil, TUESDAY, "PM", "U"));
        school.completed("ctf-3", ctf(school.laestab(), pupil, "Pat", "Pupil", "CCYO"));

        assertThat(code(hub, person, school.laestab(), TUESDAY, Session.PM)).isEqualTo("U");
        assertThat(code(hub, person, school.laestab(), MONDAY, Session.AM)).isEqualTo("C");
    }

    @Test
    void theAttendanceFileReplacesAPreciseCodeWithAnyOtherCodeItSends() throws Exception {
        School school = hub.school("9264703");
        String pupil = upn(school.laestab(), 1);
        long person = onRoll(school, pupil);
        school.completed("csv-1", preciseMarks(school.laestab(), pupil));

        school.completed("csv-2", new AttendanceCsv().mark(school.laestab(), pupil, MONDAY, "AM", "C")
                .mark(school.laestab(), pupil, TUESDAY, "AM", "Y7"));

        assertThat(code(hub, person, school.laestab(), MONDAY, Session.AM)).isEqualTo("C");
        assertThat(code(hub, person, school.laestab(), TUESDAY, Session.AM)).isEqualTo("Y7");
    }

    /** The pupil known to the LA and on the school's roll by its CTF; returns their person id. */
    static long onRoll(School school, String pupil) throws Exception {
        long person = RegisteredPerson.withUpn(pupil).in(hub);
        school.completed("roll-1", CtfFixture.partial(school.laestab()).add(pupil));
        return person;
    }

    static AttendanceCsv preciseMarks(String laestab, String pupil) {
        return new AttendanceCsv().mark(laestab, pupil, MONDAY, "AM", "C1").mark(laestab, pupil, MONDAY, "PM", "C2")
                .mark(laestab, pupil, TUESDAY, "AM", "Y3").mark(laestab, pupil, TUESDAY, "PM", "N");
    }

    /**
     * The same two days as a CTF writes them (first letters), with Tuesday afternoon now O, which the attendance
     * file's N keeps out. A pupil held for want of a person has a name of their own: matching by name and birth date
     * searches the whole LA.
     */
    static CtfFixture ctf(String laestab, String pupil, String forename, String surname) {
        return ctf(laestab, pupil, forename, surname, "CCYO");
    }

    /** Monday and Tuesday as a CTF's marks string from Monday. */
    static CtfFixture ctf(String laestab, String pupil, String forename, String surname, String marks) {
        AttendanceYear year = new AttendanceYear(2025, laestab.substring(0, 3), laestab.substring(3), "Test School",
                4, 3, 0, 1, RecordedDate.of(MONDAY), marks);
        return CtfFixture.partial(laestab).add(CtfFixture.pupil(pupil, forename, surname, List.of()).toBuilder()
                .attendance(List.of(year)).build());
    }

    static void assertPreciseCodesKept(long person, String laestab) {
        assertThat(List.of(code(hub, person, laestab, MONDAY, Session.AM),
                code(hub, person, laestab, MONDAY, Session.PM), code(hub, person, laestab, TUESDAY, Session.AM),
                code(hub, person, laestab, TUESDAY, Session.PM)))
                .containsExactly("C1", "C2", "Y3", "N");
    }
}
