package org.rollbridge.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;
import tools.jackson.databind.JsonNode;

/**
 * Rectification: an LA administrator corrects a pupil's record on the pupil page or the API, with reason and
 * evidence; the correction is shown with its provenance, survives the school's next upload of the same value (the
 * school is told its MIS disagrees), and gives way to a value the school changes. Every step is audited.
 */
@HubTest
class RectificationIT {

    static final String SCHOOL = "9268001";
    static RunningHub hub;
    School school;
    long person;

    @BeforeEach
    void aPupilOnTheRoll() throws Exception {
        hub.reset();
        person = RegisteredPerson.withUpn(upn(SCHOOL, 1)).named("Philippa", "Wrenfeather").in(hub);
        school = hub.school(SCHOOL);
        school.completed("ctf-1", CtfFixture.full(SCHOOL).add(pupil("Wrenfeather")));
    }

    static Pupil pupil(String surname) {
        return CtfFixture.pupil(upn(SCHOOL, 1), "Philippa", surname, List.of());
    }

    static HttpResponse<String> api(long person, String body, String token) throws Exception {
        return hub.send(hub.request("/api/v1/persons/" + person + "/rectifications")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    static String correction(String field, String value) {
        return "{\"field\": \"" + field + "\", \"value\": \"" + value + "\", \"reason\": \"Surname changed by deed poll\", "
                + "\"evidence\": \"Deed poll seen by the LA on 1 December 2026\"}";
    }

    @Test
    void anAdministratorCorrectsTheRecordOnThePupilPageAndSeesItWithItsProvenance() throws Exception {
        PageClient admin = hub.signedIn("rect-admin-" + System.nanoTime(), Role.LA_ADMIN);

        HttpResponse<String> recorded = admin.post("/pupils/" + person + "/rectifications", Map.of(
                "_csrf", admin.csrf("/pupils/" + person), "field", "dob", "value", "2015-03-15",
                "reason", "Birth certificate shows the 15th", "evidence", "Birth certificate seen at the school"));
        HttpResponse<String> withoutCsrf = admin.post("/pupils/" + person + "/rectifications", Map.of(
                "field", "dob", "value", "2015-03-16", "reason", "x", "evidence", "y"));
        HttpResponse<String> wrongValue = admin.post("/pupils/" + person + "/rectifications", Map.of(
                "_csrf", admin.csrf("/pupils/" + person), "field", "dob", "value", "15/03/2015", "reason", "x",
                "evidence", "y"));
        String page = admin.get("/pupils/" + person).body();

        assertStatus(302, recorded);
        assertThat(recorded.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/pupils/" + person + "#corrections"));
        assertStatus(403, withoutCsrf);
        assertStatus(400, wrongValue);
        assertThat(wrongValue.body()).contains("Date of birth must be a date like 2015-03-14; it was &#39;15/03/2015&#39;");
        assertThat(page).contains("<option value=\"dob\">Date of birth</option>",
                "<option value=\"postcode\">Home postcode</option>");
        assertThat(page).contains("id=\"rectification-form\"", "id=\"corrections-table\"", "2015-03-15",
                "Corrected by the LA", "Birth certificate shows the 15th", "Birth certificate seen at the school",
                "2015-03-14 (school " + SCHOOL + ")", "In force")
                .containsPattern("rect-admin-\\d+, \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2}");
        assertThat(hub.db().sql("select reason || '|' || detail from audit_events where action = 'RECTIFICATION' "
                + "and subject = ?").param("person:" + person).query(String.class).single())
                .startsWith("Birth certificate shows the 15th|dob corrected");
    }

    @Test
    void onlyTheRolesThatChangeRecordsMayCorrectThemAndACorrectionNeedsAValidValueAReasonAndEvidence()
            throws Exception {
        PageClient officer = hub.signedIn("rect-officer-" + System.nanoTime(), Role.LA_ATTENDANCE_OFFICER);
        PageClient manager = hub.signedIn("rect-dm-" + System.nanoTime(), Role.SCHOOL_DATA_MANAGER,
                Organisation.school(SCHOOL));
        Map<String, String> form = Map.of("field", "surname", "value", "Hale", "reason", "x", "evidence", "y");

        assertStatus(403, officer.post("/pupils/" + person + "/rectifications", with(form, officer.csrf("/"))));
        assertStatus(403, manager.post("/pupils/" + person + "/rectifications", with(form, manager.csrf("/"))));
        assertThat(officer.get("/pupils/" + person).body()).doesNotContain("id=\"rectification-form\"");
        assertStatus(403, api(person, correction("surname", "Hale"), hub.credentialFor(SCHOOL)));
        assertStatus(404, api(999999, correction("surname", "Hale"), RunningHub.ADMIN_TOKEN));
        HttpResponse<String> field = api(person, correction("nc_year", "7"), RunningHub.ADMIN_TOKEN);
        assertStatus(400, field);
        assertThat(RunningHub.json(field).path("message").asString())
                .isEqualTo("'nc_year' cannot be corrected; the fields that can are forename, surname, dob, sex, postcode");
        assertStatus(400, api(person, correction("postcode", "NR6"), RunningHub.ADMIN_TOKEN));
        assertStatus(400, api(person, "{\"field\": \"surname\", \"value\": \"Hale\", \"reason\": \"x\"}",
                RunningHub.ADMIN_TOKEN));
        assertThat(hub.db().sql("select count(*) from rectifications").query(Long.class).single()).isZero();
    }

    static Map<String, String> with(Map<String, String> form, String csrf) {
        Map<String, String> all = new HashMap<>(form);
        all.put("_csrf", csrf);
        return all;
    }

    @Test
    void theCorrectionSurvivesAnUploadOfTheSameValueTheSchoolIsToldAndAChangedValueWins() throws Exception {
        HttpResponse<String> recorded = api(person, correction("surname", "Wrenfeather-Hale"), RunningHub.ADMIN_TOKEN);
        assertStatus(201, recorded);
        JsonNode correction = RunningHub.json(recorded);
        assertThat(correction.path("schoolValue").asString()).isEqualTo("Wrenfeather");
        assertThat(correction.path("laestab").asString()).isEqualTo(SCHOOL);
        PageClient manager = hub.signedIn("rect-school-" + System.nanoTime(), Role.SCHOOL_DATA_MANAGER,
                Organisation.school(SCHOOL));
        PageClient admin = hub.signedIn("rect-admin2-" + System.nanoTime(), Role.LA_ADMIN);

        school.completed("ctf-2", CtfFixture.full(SCHOOL).add(pupil("Wrenfeather")));
        JsonNode afterSameValue = RunningHub.json(hub.send(hub.request("/api/v1/persons/" + person
                + "/rectifications").GET(), RunningHub.ADMIN_TOKEN)).get(0);
        String schoolPage = manager.get("/schools/" + SCHOOL).body();
        String pupilPage = admin.get("/pupils/" + person).body();

        assertThat(afterSameValue.path("status").asString()).isEqualTo("active");
        assertThat(pupilPage).contains("Philippa Wrenfeather-Hale", "Corrected by the LA");
        assertThat(schoolPage).contains("id=\"disagreements\"", "Where your MIS disagrees with the LA", upn(SCHOOL, 1),
                "Legal surname", ">Wrenfeather<", ">Wrenfeather-Hale<", "Surname changed by deed poll",
                "correct the MIS so your next upload agrees");

        school.completed("ctf-3", CtfFixture.full(SCHOOL).add(pupil("Hale")));
        JsonNode afterChange = RunningHub.json(hub.send(hub.request("/api/v1/persons/" + person
                + "/rectifications").GET(), RunningHub.ADMIN_TOKEN)).get(0);

        assertThat(afterChange.path("status").asString()).isEqualTo("superseded");
        assertThat(afterChange.path("supersedingValue").asString()).isEqualTo("Hale");
        assertThat(admin.get("/pupils/" + person).body()).contains("Philippa Hale", "changed its record to Hale")
                .doesNotContain("Corrected by the LA");
        assertThat(manager.get("/schools/" + SCHOOL).body()).doesNotContain("id=\"disagreements\"");
        assertThat(hub.db().sql("select actor || '|' || detail from audit_events where action = "
                + "'RECTIFICATION_SUPERSEDED' and subject = ?").param("person:" + person).query(String.class).single())
                .startsWith("school " + SCHOOL + "|surname sent anew in batch");
    }
}
