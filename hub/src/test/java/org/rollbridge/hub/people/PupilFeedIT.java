package org.rollbridge.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;
import static org.rollbridge.hub.testing.CtfFixture.contact;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import tools.jackson.databind.JsonNode;

@HubTest
class PupilFeedIT {

    static RunningHub hub;

    static long registered(String upn) {
        return registered(upn, "Pat", "Pupil");
    }

    static long registered(String upn, String forename, String surname) {
        return RegisteredPerson.withUpn(upn).named(forename, surname).in(hub);
    }

    static JsonNode send(String school, String token, String batchId, CtfFixture ctf) throws Exception {
        HttpResponse<String> response = hub.upload(school, token, batchId, "ctf", ctf.bytes());
        assertStatus(202, response);
        return hub.awaitBatch(response.headers().firstValue("Location").orElseThrow(), token);
    }

    @Test
    void aFullSnapshotMakesPupilsMissingFromItLeaversAndRaisesNoDestinationAlerts() throws Exception {
        String school = "9264001";
        String token = hub.credentialFor(school);
        long stays1 = registered(upn(school, 1));
        long stays2 = registered(upn(school, 2));
        long leaves = registered(upn(school, 3));
        send(school, token, "roll-1", CtfFixture.full(school).add(upn(school, 1)).add(upn(school, 2))
                .add(upn(school, 3)));

        JsonNode second = send(school, token, "roll-2", CtfFixture.full(school).add(upn(school, 1))
                .add(upn(school, 2)));

        assertThat(second.path("status").asString()).isEqualTo("completed");
        assertThat(hub.db().sql("select person_id from enrolments where laestab = ? and to_date is null order by 1")
                .param(school).query(Long.class).list()).containsExactly(stays1, stays2);
        assertThat(hub.db().sql("select ended_reason from enrolments where person_id = ?").param(leaves)
                .query(String.class).single()).isEqualTo("missing from full CTF");
        assertThat(hub.db().sql("select kind from alert_cases where person_id = ? and status = 'raised'")
                .param(leaves).query(String.class).list()).containsExactly("LEFT_NO_DESTINATION");
    }

    @Test
    void aPartialCtfUpdatesOnlyThePupilsItHolds() throws Exception {
        String school = "9264002";
        String token = hub.credentialFor(school);
        registered(upn(school, 1));
        registered(upn(school, 2));
        send(school, token, "p-1", CtfFixture.full(school).add(upn(school, 1)).add(upn(school, 2)));

        send(school, token, "p-2", CtfFixture.partial(school)
                .add(CtfFixture.pupil(upn(school, 1), "Patricia", "Pupil", List.of())));

        assertThat(hub.db().sql("select count(*) from enrolments where laestab = ? and to_date is null")
                .param(school).query(Long.class).single()).isEqualTo(2);
        assertThat(hub.db().sql("select forename from pupils where upn = ?").param(upn(school, 1))
                .query(String.class).single()).isEqualTo("Patricia");
    }

    @Test
    void aLeavingDateTheSchoolSendsEndsThePupilsSpellOnThatDateAndNoOtherPupils() throws Exception {
        String school = "9264008";
        String token = hub.credentialFor(school);
        long stays = registered(upn(school, 1));
        long leaves = registered(upn(school, 2));
        send(school, token, "l-1", CtfFixture.full(school).add(upn(school, 1)).add(upn(school, 2)));

        JsonNode second = send(school, token, "l-2", CtfFixture.partial(school).add(CtfFixture.pupil(upn(school, 2),
                "Pat", "Pupil", List.of()).toBuilder().leavingDate(LocalDate.of(2025, 7, 22)).build()));

        assertThat(second.path("status").asString()).isEqualTo("completed");
        assertThat(hub.db().sql("select person_id from enrolments where laestab = ? and to_date is null")
                .param(school).query(Long.class).list()).containsExactly(stays);
        assertThat(hub.db().sql("select to_date || ' ' || ended_reason from enrolments where person_id = ?")
                .param(leaves).query(String.class).single()).isEqualTo("2025-07-22 leaving date sent");
    }

    @Test
    void contactsWithoutParentalResponsibilityOrUnderACourtOrderAreNeverStored() throws Exception {
        String school = "9264003";
        String token = hub.credentialFor(school);
        registered(upn(school, 1));
        var contacts = List.of(contact("Keptparent", true, false), contact("Noresponsibility", false, false),
                contact("Courtordered", true, true), contact("Unknownresponsibility", null, null));
        send(school, token, "c-1", CtfFixture.full(school)
                .add(CtfFixture.pupil(upn(school, 1), "Pat", "Pupil", contacts))
                .add(CtfFixture.pupil(upn(school, 2), "Unmatched", "Pupil", contacts)));

        String everything = hub.db().sql("""
                select coalesce((select string_agg(record::text, ' ') from pupils), '')
                    || coalesce((select string_agg(payload::text, ' ') from held_records), '')
                    || coalesce((select string_agg(record::text, ' ') from stage_pupils), '')""")
                .query(String.class).single();
        assertThat(everything).contains("Keptparent")
                .doesNotContain("Noresponsibility").doesNotContain("Courtordered").doesNotContain("Unknownresponsibility");
        assertThat(hub.db().sql("select count(*) from held_records where upn = ?").param(upn(school, 2))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aHeldPupilIsStoredWhenTheRegisterGainsThem() throws Exception {
        String school = "9264004";
        String token = hub.credentialFor(school);
        // A name no other test of the class gives its people: run after them, "Pat Pupil" would match theirs by name
        // and date of birth, and the pupil would not be held.
        Pupil unknown = CtfFixture.pupil(upn(school, 1), "Ottilie", "Heldingham", List.of());
        JsonNode batch = send(school, token, "h-1", CtfFixture.full(school).add(unknown));
        assertThat(batch.path("records").path("held").asInt()).isEqualTo(1);
        assertThat(hub.db().sql("select count(*) from pupils where laestab = ?").param(school)
                .query(Long.class).single()).isZero();

        long person = registered(upn(school, 1), "Ottilie", "Heldingham");

        assertThat(hub.db().sql("select person_id from pupils where laestab = ?").param(school)
                .query(Long.class).single()).isEqualTo(person);
        assertThat(hub.db().sql("select count(*) from enrolments where person_id = ? and to_date is null")
                .param(person).query(Long.class).single()).isEqualTo(1);
        assertThat(hub.db().sql("select status from held_records where upn = ?").param(upn(school, 1))
                .query(String.class).single()).isEqualTo("released");
    }

    @Test
    void aCtfForAnotherSchoolOrNotACtfIsRefused() throws Exception {
        String school = "9264005";
        String token = hub.credentialFor(school);

        JsonNode other = send(school, token, "o-1", CtfFixture.full("9264999").add(upn("9264999", 1)));
        HttpResponse<String> response = hub.upload(school, token, "o-2", "ctf",
                "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><CTfile>&e;</CTfile>".getBytes());
        JsonNode hostile = hub.awaitBatch(response.headers().firstValue("Location").orElseThrow(), token);

        assertThat(other.path("status").asString()).isEqualTo("refused");
        assertThat(other.path("report").path("findings").get(0).path("ruleId").asString())
                .isEqualTo("CTF_SCHOOL_MISMATCH");
        assertThat(hostile.path("status").asString()).isEqualTo("refused");
        assertThat(hostile.path("report").path("findings").get(0).path("ruleId").asString())
                .isEqualTo("XML_DTD_FORBIDDEN");
    }

    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    /** A week of CTF marks from Monday: present every session but Wednesday morning (N), then a weekend. */
    static AttendanceYear week(String laestab, String wednesdayMorning) {
        int absent = wednesdayMorning.equals("N") ? 1 : 0;
        return new AttendanceYear(2025, laestab.substring(0, 3), laestab.substring(3), "Test School", 10, 0,
                10 - absent, absent, RecordedDate.of(MONDAY), "/\\/\\" + wednesdayMorning + "\\/\\/\\####");
    }

    static Pupil withMarks(String upn, AttendanceYear... years) {
        return CtfFixture.pupil(upn, "Pat", "Pupil", List.of()).toBuilder().attendance(List.of(years)).build();
    }

    static String storedWeek(long person, String school) {
        String marks = hub.db().sql("select marks from attendance_years where person_id = ? and laestab = ?")
                .params(person, school).query(String.class).single();
        int monday = 2 * (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2025, 8, 1), MONDAY);
        return marks.substring(monday, monday + 14);
    }

    @Test
    void aCtfsSessionMarksAreImportedLikeTheAttendanceFeedWithHistory() throws Exception {
        String school = "9264006";
        String token = hub.credentialFor(school);
        long person = registered(upn(school, 1));
        String elsewhere = "9264099"; // an earlier school's year: that school's to send
        send(school, token, "m-1", CtfFixture.full(school).add(withMarks(upn(school, 1), week(school, "N"),
                week(elsewhere, "/"))));

        assertThat(storedWeek(person, school)).isEqualTo("/\\/\\N\\/\\/\\    ");
        assertThat(hub.db().sql("select count(*) from attendance_years where person_id = ? and laestab = ?")
                .params(person, elsewhere).query(Long.class).single()).isZero();

        send(school, token, "m-2", CtfFixture.full(school).add(withMarks(upn(school, 1), week(school, "/"))));

        assertThat(storedWeek(person, school)).isEqualTo("/\\/\\/\\/\\/\\    ");
        assertThat(hub.db().sql("""
                select day || ' ' || session || ' ' || old_code || '>' || new_code from mark_history
                where person_id = ?""").param(person).query(String.class).list())
                .containsExactly("2025-09-10 AM N>/");
    }

    @Test
    void aCtfsMarksAreHeldWithTheirPupilAndReleasedWithThem() throws Exception {
        String school = "9264007";
        String token = hub.credentialFor(school);
        Pupil invalid = withMarks(upn(school, 2), week(school, "N")).toBuilder()
                .enrolStatus(org.rollbridge.core.code.Coded.absent()).build();
        // A name no other test of the class gives its people, so the pupil is unmatched rather than a possible match.
        Pupil unknown = withMarks(upn(school, 1), week(school, "N")).toBuilder().forename("Hedda")
                .surname("Marksworth").build();
        JsonNode batch = send(school, token, "h-1", CtfFixture.full(school).add(unknown).add(invalid));

        assertThat(batch.path("records").path("held").asInt()).isEqualTo(2);
        assertThat(hub.db().sql("select feed || ' ' || reason from held_records where upn = ? order by feed")
                .param(upn(school, 1)).query(String.class).list()).containsExactly("attendance UNMATCHED", "ctf UNMATCHED");
        assertThat(hub.db().sql("select feed || ' ' || reason || ' ' || rule_id from held_records where upn = ?")
                .param(upn(school, 2)).query(String.class).list()).containsExactly("ctf ERROR ENROL_STATUS_CODE");

        long person = registered(upn(school, 1), "Hedda", "Marksworth");

        assertThat(storedWeek(person, school)).isEqualTo("/\\/\\N\\/\\/\\    ");
        assertThat(hub.db().sql("select count(*) from attendance_years a join person_identifiers i "
                + "on i.person_id = a.person_id where i.value = ?").param(upn(school, 2)).query(Long.class).single())
                .isZero();
    }
}
