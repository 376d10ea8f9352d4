package org.rollbridge.hub.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PupilApi;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;
import tools.jackson.databind.JsonNode;

/** The read API gives the LA what the hub holds of a pupil, says which batch sent each mark, and audits each call. */
@HubTest
class PupilRecordsIT {

    static RunningHub hub;
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    @Test
    void aPupilsRecordEnrolmentsMarksAndExclusionsAreReadWithTheBatchThatSentEachMark() throws Exception {
        School school = hub.school("9264801");
        String pupil = CtfFixture.upn(school.laestab(), 1);
        long person = RegisteredPerson.withUpn(pupil).in(hub);
        school.completed("ctf-1", CtfFixture.full(school.laestab()).add(pupil));
        JsonNode first = school.completed("marks-1", new AttendanceCsv()
                .days(school.laestab(), pupil, MONDAY, 2, "/", "\\"));
        JsonNode second = school.completed("marks-2", new AttendanceCsv()
                .mark(school.laestab(), pupil, MONDAY.plusDays(1), "PM", "C1"));
        school.completed("exclusions-1", "exclusions", ("laestab,upn,category,reason,start_date,end_date,sessions,"
                + "exclusion_id\n" + school.laestab() + "," + pupil + ",SUSP,PP,2025-09-10,2025-09-11,4,EX1\n")
                .getBytes());
        PupilApi api = new PupilApi(hub);
        // Four calls: the record, the attendance twice (once as JSON, once as marks) and the exclusions.

        JsonNode record = api.pupil(pupil);
        JsonNode attendance = api.attendance(pupil, MONDAY, MONDAY.plusDays(6));
        JsonNode exclusions = api.exclusions(pupil);

        assertThat(record.path("personId").asLong()).isEqualTo(person);
        assertThat(record.path("records").get(0).path("laestab").asString()).isEqualTo(school.laestab());
        assertThat(record.path("records").get(0).path("surname").asString()).isEqualTo("Pupil");
        assertThat(record.path("enrolments").get(0).path("laestab").asString()).isEqualTo(school.laestab());
        assertThat(api.marks(pupil, MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(
                "2025-09-08 AM " + school.laestab(), "/", "2025-09-08 PM " + school.laestab(), "\\",
                "2025-09-09 AM " + school.laestab(), "/", "2025-09-09 PM " + school.laestab(), "C1"));
        List<String> batches = attendance.path("marks").valueStream().map(m -> m.path("batch").asString()).toList();
        assertThat(batches).containsExactly(first.path("id").asString(), first.path("id").asString(),
                first.path("id").asString(), second.path("id").asString());
        assertThat(attendance.path("batches").path(second.path("id").asString()).path("batchId").asString())
                .isEqualTo("marks-2");
        assertThat(exclusions.path("exclusions").get(0).path("exclusionId").asString()).isEqualTo("EX1");
        assertThat(exclusions.path("exclusions").get(0).path("start").asString()).isEqualTo("2025-09-10");
        assertThat(hub.db().sql("""
                select count(*) from audit_events where action = 'VIEW_PUPIL' and subject = ? and actor = 'shared-admin-token'
                  and detail like 'read API:%'""").param("person:" + person).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void anUnknownUpnIsNotFoundAndAuditedAsSuch() throws Exception {
        String known = CtfFixture.upn("9264802", 1);
        RegisteredPerson.withUpn(known).in(hub);

        assertStatus(200, hub.send(hub.request("/api/v1/pupils/" + known).GET(), RunningHub.ADMIN_TOKEN));
        assertStatus(404, hub.send(hub.request("/api/v1/pupils/" + CtfFixture.upn("9264802", 9)).GET(),
                RunningHub.ADMIN_TOKEN));
        assertThat(hub.db().sql("select count(*) from audit_events where action = 'VIEW_PUPIL' and outcome = "
                + "'not_found'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSchoolCredentialIsRefusedAndADateThatIsNotOneSaysHowToWriteIt() throws Exception {
        School school = hub.school("9264803");
        String pupil = CtfFixture.upn(school.laestab(), 1);
        RegisteredPerson.withUpn(pupil).in(hub);

        for (String path : List.of("", "/attendance", "/exclusions")) {
            assertStatus(403, hub.send(hub.request("/api/v1/pupils/" + pupil + path).GET(), school.token()));
        }
        var response = hub.send(hub.request("/api/v1/pupils/" + pupil + "/attendance?from=8/9/2025").GET(),
                RunningHub.ADMIN_TOKEN);
        assertStatus(400, response);
        assertThat(response.body()).contains("yyyy-mm-dd");
        assertStatus(400, hub.send(hub.request("/api/v1/pupils/" + pupil + "/attendance?from=2025-09-10&to=2025-09-01")
                .GET(), RunningHub.ADMIN_TOKEN));
    }
}
