package org.rollbridge.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/**
 * Attendance and exclusions sent before the LA knew the pupil's UPN are held; the CTF that links the UPN to a person
 * by another rule (name and date of birth here) releases them in its own merge.
 */
@HubTest
class LinkReleasesHeldIT {

    static RunningHub hub;
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    @Test
    void aCtfLinkingTheUpnByNameAndBirthDateReleasesItsHeldMarksAndExclusions() throws Exception {
        School school = hub.school("9264801");
        String pupil = upn(school.laestab(), 1);
        long person = RegisteredPerson.withRegisterId("link-held").named("Leofric", "Holloway")
                .born(LocalDate.of(2013, 6, 2)).sex("M").in(hub);
        school.completed("marks-1", new AttendanceCsv().days(school.laestab(), pupil, MONDAY, 5, "/", "N"));
        school.completed("excl-1", "exclusions", """
                laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id
                %s,%s,SUSP,PP,2025-10-06,2025-10-07,4,mis-81
                """.formatted(school.laestab(), pupil).getBytes(StandardCharsets.UTF_8));
        assertThat(held(pupil)).isEqualTo(2);

        MatchingIT.send(hub, school.laestab(), "ctf-1",
                MatchingIT.pupil(pupil, null, "Leofric", "Holloway", "2013-06-02", "M", "NR5 8LH"));

        assertThat(held(pupil)).isZero();
        assertThat(hub.db().sql("select count(*) from exclusions where person_id = ?").param(person)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(hub.db().sql("""
                select length(replace(marks, ' ', '')) from attendance_years where person_id = ? and laestab = ?""")
                .params(person, school.laestab()).query(Integer.class).single()).isEqualTo(10);
    }

    private static long held(String upn) {
        return hub.db().sql("select count(*) from held_records where upn = ? and status = 'held'").param(upn)
                .query(Long.class).single();
    }
}
