package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;
import tools.jackson.databind.JsonNode;

/**
 * A school writes attendance and exclusions only for pupils on its own roll (or who left it lately): rows for any
 * other pupil, one the LA knows or not, are held with the same words, and follow once the school's CTF puts the
 * pupil on its roll.
 */
@HubTest
class OwnPupilsOnlyIT {

    static RunningHub hub;
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    private static byte[] exclusion(String laestab, String pupil, String id) {
        return """
                laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id
                %s,%s,SUSP,PP,2025-10-06,2025-10-07,4,%s
                """.formatted(laestab, pupil, id).getBytes(StandardCharsets.UTF_8);
    }

    private static long stored(String table, String laestab) {
        return hub.db().sql("select count(*) from " + table + " where laestab = ?").param(laestab)
                .query(Long.class).single();
    }

    private static List<String> held(String laestab, String feed) {
        return hub.db().sql("""
                select reason || ': ' || regexp_replace(detail, '\\d+ mark', 'n mark') from held_records
                where laestab = ? and feed = ? and status = 'held' order by upn""")
                .params(laestab, feed).query(String.class).list();
    }

    @Test
    void rowsForAnotherSchoolsPupilAreHeldInTheSameWordsAsForAPupilTheLaDoesNotKnow() throws Exception {
        School owner = hub.school("9265101");
        School other = hub.school("9265102");
        String known = upn(owner.laestab(), 1);
        String unknown = upn(owner.laestab(), 2);
        RegisteredPerson.withUpn(known).in(hub);
        owner.completed("roll-1", CtfFixture.full(owner.laestab()).add(known));

        other.completed("marks-1", new AttendanceCsv().days(other.laestab(), known, MONDAY, 5, "N", "N")
                .days(other.laestab(), unknown, MONDAY, 5, "N", "N"));
        other.completed("excl-1", "exclusions", """
                laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id
                %1$s,%2$s,PERM,PP,2025-10-06,,,x-1
                %1$s,%3$s,PERM,PP,2025-10-06,,,x-2
                """.formatted(other.laestab(), known, unknown).getBytes(StandardCharsets.UTF_8));

        assertThat(stored("attendance_years", other.laestab())).isZero();
        assertThat(stored("exclusions", other.laestab())).isZero();
        List<String> marks = held(other.laestab(), "attendance");
        assertThat(marks).hasSize(2).allMatch(marks.get(0)::equals);
        assertThat(marks.get(0)).isEqualTo("NOT_ON_ROLL: held: this pupil is not on your school's roll at the LA; "
                + "send their CTF first, and these rows follow (n mark(s))");
        List<String> exclusions = held(other.laestab(), "exclusions");
        assertThat(exclusions).hasSize(2).allMatch(exclusions.get(0)::equals);
        assertThat(exclusions.get(0)).startsWith("NOT_ON_ROLL: held: this pupil is not on your school's roll");
    }

    @Test
    void heldRowsFollowTheSchoolsCtfOntoItsRoll() throws Exception {
        School school = hub.school("9265103");
        String pupil = upn(school.laestab(), 1);
        long person = RegisteredPerson.withUpn(pupil).in(hub);
        school.completed("marks-1", new AttendanceCsv().days(school.laestab(), pupil, MONDAY, 5, "/", "N"));
        school.completed("excl-1", "exclusions", exclusion(school.laestab(), pupil, "mis-1"));
        assertThat(held(school.laestab(), "attendance")).hasSize(1);

        school.completed("roll-1", CtfFixture.partial(school.laestab()).add(pupil));

        assertThat(held(school.laestab(), "attendance")).isEmpty();
        assertThat(held(school.laestab(), "exclusions")).isEmpty();
        assertThat(hub.db().sql("""
                select length(replace(marks, ' ', '')) from attendance_years where person_id = ? and laestab = ?""")
                .params(person, school.laestab()).query(Integer.class).single()).isEqualTo(10);
        assertThat(stored("exclusions", school.laestab())).isEqualTo(1);
    }

    @Test
    void aLeaverKeepsReceivingTheMarksOfTheTimeOnTheRoll() throws Exception {
        School school = hub.school("9265104");
        String lately = upn(school.laestab(), 1);
        String lastYear = upn(school.laestab(), 2);
        String longAgo = upn(school.laestab(), 3);
        long[] persons = {RegisteredPerson.withUpn(lately).in(hub),
            RegisteredPerson.withUpn(lastYear).in(hub),
            RegisteredPerson.withUpn(longAgo).in(hub)};
        school.completed("roll-1", CtfFixture.full(school.laestab()).add(lately).add(lastYear).add(longAgo));
        // Left 10 days ago, on 31 October 2025 (during the marks' year), and in July 2024 (before it).
        List<String> left = List.of("current_date - 10", "date '2025-10-31'", "date '2024-07-19'");
        for (int i = 0; i < persons.length; i++) {
            hub.db().sql("update enrolments set to_date = " + left.get(i) + ", ended_reason = 'leaving date sent' "
                    + "where person_id = ?").param(persons[i]).update();
        }

        school.completed("marks-1", new AttendanceCsv().days(school.laestab(), lately, MONDAY, 1, "/", "/")
                .days(school.laestab(), lastYear, MONDAY, 1, "/", "/")
                .days(school.laestab(), longAgo, MONDAY, 1, "/", "/"));

        assertThat(stored("attendance_years", school.laestab())).isEqualTo(2);
        assertThat(hub.db().sql("select upn from held_records where laestab = ? and status = 'held'")
                .param(school.laestab()).query(String.class).list()).containsExactly(longAgo);
    }

    @Test
    void aSchoolReadsTheSameOfAHeldPupilTheLaKnowsAsOfOneItDoesNot() throws Exception {
        School school = hub.school("9265105");
        String known = upn(school.laestab(), 1);
        RegisteredPerson.withUpn(known).named("Quentin", "Knownby").born(LocalDate.of(2012, 1, 1)).in(hub);
        school.completed("ctf-1", CtfFixture.partial(school.laestab()).add(known)
                .add(CtfFixture.pupil(upn(school.laestab(), 2), "Ursula", "Unknownby", List.of())));

        JsonNode asSchool = RunningHub.json(hub.send(hub.request("/api/v1/held-records").GET(), school.token()));
        JsonNode asLa = RunningHub.json(hub.send(hub.request("/api/v1/held-records?laestab=" + school.laestab())
                .GET(), RunningHub.ADMIN_TOKEN));

        assertThat(asSchool.size()).isEqualTo(2);
        assertThat(asSchool.get(0).path("reason").asString()).isEqualTo("UNMATCHED")
                .isEqualTo(asSchool.get(1).path("reason").asString());
        assertThat(asSchool.get(0).path("detail").asString()).startsWith("held: the LA is confirming who this pupil is")
                .isEqualTo(asSchool.get(1).path("detail").asString());
        List<String> laReasons = new java.util.ArrayList<>();
        asLa.forEach(held -> laReasons.add(held.path("reason").asString()));
        assertThat(laReasons).containsExactlyInAnyOrder("CONFLICT", "UNMATCHED");
    }
}
