package org.rollbridge.hub.testing;

import java.time.LocalDate;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.hub.attendance.AttendanceTallies;
import org.rollbridge.hub.attendance.YearMarks;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pupils on a school's roll with marks written straight into the hub's tables, for pages that read attendance:
 * {@code add} each pupil, then {@code tally} the school once.
 */
public final class PupilsWithMarks {

    /** The Monday of the first week of marks. */
    public static final LocalDate FIRST_MONDAY = LocalDate.of(2025, 9, 8);
    private final RunningHub hub;
    private final String school;
    private String record = "{}";

    public PupilsWithMarks(RunningHub hub, String school) {
        this.hub = hub;
        this.school = school;
        hub.db().sql("insert into schools (la, laestab) values ('926', ?) on conflict do nothing").param(school)
                .update();
    }

    /** The CTF record (JSON) the next pupils carry, for their cohort flags. */
    public PupilsWithMarks record(String json) {
        this.record = json;
        return this;
    }

    /**
     * A registered person on roll since 1 September 2025 in a year group, with one string of ten marks per week
     * from {@link #FIRST_MONDAY} (AM and PM of Monday to Friday); returns the person's id.
     */
    public long add(int number, String forename, String surname, String ncYear, String... weeks) {
        String upn = CtfFixture.upn(school, number);
        long id = RegisteredPerson.withUpn(upn).named(forename, surname).in(hub);
        JdbcClient db = hub.db();
        db.sql("""
                insert into pupils (la, person_id, laestab, upn, forename, surname, dob, sex, nc_year, record, batch_id)
                values ('926', ?, ?, ?, ?, ?, '2015-03-14', 'F', ?, ?::jsonb, gen_random_uuid())""")
                .params(id, school, upn, forename, surname, ncYear, record).update();
        db.sql("insert into enrolments (la, person_id, laestab, from_date) values ('926', ?, ?, '2025-09-01')")
                .params(id, school).update();
        char[] marks = YearMarks.empty();
        for (int w = 0; w < weeks.length; w++) {
            for (int i = 0; i < weeks[w].length(); i++) {
                marks[YearMarks.position(FIRST_MONDAY.plusDays(7L * w + i / 2), i % 2 == 0 ? Session.AM : Session.PM)]
                        = weeks[w].charAt(i);
            }
        }
        db.sql("""
                insert into attendance_years (la, person_id, laestab, academic_year, marks, batch_id)
                values ('926', ?, ?, 2025, ?, gen_random_uuid())""").params(id, school, new String(marks)).update();
        return id;
    }

    /** Counts the school's marks into the tallies the dashboards read. */
    public void tally() {
        hub.bean(AttendanceTallies.class).retally(school);
    }
}
