package org.rollbridge.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.identity.Uln;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import tools.jackson.databind.JsonNode;

/**
 * The rules 1-5 cascade in the pipeline, through real uploads to a real PostgreSQL: what links, what is held for
 * review or as a conflict, what waits unmatched until the register changes, and the review decisions. Names and
 * dates of birth here are used by no other test of the class, since matching searches the whole LA.
 */
@HubTest
class MatchingIT {

    static RunningHub hub;

    static long registered(String registerId, String upn, String uln, String forename, String surname, String dob,
                           String sex, String postcode) {
        return RegisteredPerson.withRegisterId(registerId).upn(upn).uln(uln).named(forename, surname)
                .born(LocalDate.parse(dob)).sex(sex).postcode(postcode).in(hub);
    }

    static Pupil pupil(String upn, String uln, String forename, String surname, String dob, String sex,
                       String postcode) {
        return CtfFixture.pupil(upn, forename, surname, List.of()).toBuilder().uln(uln)
                .dob(RecordedDate.of(LocalDate.parse(dob))).sex(Coded.of(Sex.class, sex))
                .address(Address.lines(List.of("2 Mill Lane", "Norwich"), postcode)).contacts(List.of()).build();
    }

    static JsonNode send(String school, String batchId, Pupil... pupils) throws Exception {
        return send(hub, school, batchId, pupils);
    }

    /** Sends the pupils as a partial CTF from the school and waits until the batch has completed. */
    static JsonNode send(RunningHub hub, String school, String batchId, Pupil... pupils) throws Exception {
        CtfFixture ctf = CtfFixture.partial(school);
        for (Pupil p : pupils) {
            ctf.add(p);
        }
        String token = hub.credentialFor(school);
        HttpResponse<String> response = hub.upload(school, token, batchId, "ctf", ctf.bytes());
        assertStatus(202, response);
        JsonNode batch = hub.awaitBatch(response.headers().firstValue("Location").orElseThrow(), token);
        assertThat(batch.path("status").asString()).as(batch.toString()).isEqualTo("completed");
        return batch;
    }

    static String uln(int seed) {
        for (int i = seed; ; i++) {
            String nine = String.valueOf(927_000_000 + i);
            for (int d = 0; d <= 9; d++) {
                if (Uln.isValid(nine + d)) {
                    return nine + d;
                }
            }
        }
    }

    static Map<String, Object> pupilRow(String upn) {
        return hub.db().sql("select person_id, match_rule, match_score from pupils where upn = ?").param(upn)
                .query().listOfRows().stream().findFirst().orElse(null);
    }

    static Map<String, Object> heldRow(String upn) {
        return hub.db().sql("select id, reason, detail, status, person_id from held_records where upn = ? and feed = 'ctf'")
                .param(upn).query().singleRow();
    }

    static JsonNode queueItemFor(long heldId) throws Exception {
        JsonNode queue = RunningHub.json(hub.send(hub.request("/api/v1/review-queue").GET(), RunningHub.ADMIN_TOKEN));
        for (JsonNode item : queue) {
            if (item.path("heldRecordId").asLong() == heldId) {
                return item;
            }
        }
        throw new AssertionError("No open review item for held record " + heldId + " in " + queue);
    }

    static HttpResponse<String> decide(long itemId, String decision, String body, String token) throws Exception {
        return hub.send(hub.request("/api/v1/review-queue/" + itemId + "/" + decision)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    @Test
    void aPupilKnownOnlyByUlnLinksAndTheIndexLearnsTheirUpn() throws Exception {
        String school = "9267101";
        String uln = uln(101);
        long person = registered("mt-uln", upn("9267999", 1), uln, "Evander", "Trelawny", "2012-04-17", "M", "NR1 2AB");
        String newUpn = upn(school, 1);

        send(school, "uln-1", pupil(newUpn, uln, "Evander", "Trelawny", "2012-04-17", "M", "NR1 2AB"));

        assertThat(pupilRow(newUpn)).containsEntry("person_id", person).containsEntry("match_rule", "ULN");
        assertThat(hub.db().sql("select person_id, rule from person_identifiers where kind = 'UPN' and value = ?")
                .param(newUpn).query().singleRow()).containsEntry("person_id", person).containsEntry("rule", "ULN");
    }

    @Test
    void dateOfBirthAndNameLinkAndPostcodeAndNameLink() throws Exception {
        String school = "9267102";
        long byDob = registered("mt-dob", null, null, "Theodora", "Quenby", "2013-05-02", "F", "NR2 4AB");
        long byPostcode = registered("mt-pc", null, null, "Ignatius", "Wolstenholme", "2012-07-09", "M", "NR3 1XY");

        send(school, "names-1", pupil(upn(school, 1), null, "Theodora", "Quenby", "2013-05-02", "F", "NR9 9ZZ"),
                pupil(upn(school, 2), null, "Ignatius", "Wolstenholme", "2012-07-19", "M", "NR3 1XY"));

        assertThat(pupilRow(upn(school, 1))).containsEntry("person_id", byDob).containsEntry("match_rule", "DOB_NAME");
        assertThat(pupilRow(upn(school, 2))).containsEntry("person_id", byPostcode)
                .containsEntry("match_rule", "POSTCODE_NAME");
    }

    @Test
    void twinsLinkEachToTheirOwnPersonAndANewTwinIsNotLinkedToTheSibling() throws Exception {
        String school = "9267103";
        long amelia = registered("mt-tw1", null, null, "Amelia", "Hartnoll", "2014-02-11", "F", "NR4 7HT");
        long olivia = registered("mt-tw2", null, null, "Olivia", "Hartnoll", "2014-02-11", "F", "NR4 7HT");
        long rosalind = registered("mt-tw3", null, null, "Rosalind", "Penhaligon", "2014-06-21", "F", "NR4 7HU");

        send(school, "twins-1", pupil(upn(school, 1), null, "Olivia", "Hartnoll", "2014-02-11", "F", "NR4 7HT"),
                pupil(upn(school, 2), null, "Amelia", "Hartnoll", "2014-02-11", "F", "NR4 7HT"),
                pupil(upn(school, 3), null, "Roseanne", "Penhaligon", "2014-06-21", "F", "NR4 7HU"));

        assertThat(pupilRow(upn(school, 1))).containsEntry("person_id", olivia);
        assertThat(pupilRow(upn(school, 2))).containsEntry("person_id", amelia);
        assertThat(pupilRow(upn(school, 3))).isNull();
        Map<String, Object> held = heldRow(upn(school, 3));
        assertThat(held).containsEntry("reason", "REVIEW").containsEntry("status", "held");
        JsonNode item = queueItemFor(((Number) held.get("id")).longValue());
        assertThat(item.path("candidatePersonId").asLong()).isEqualTo(rosalind);

        // Not a match: the sibling is excluded and the record matched again; with no one else, it is unmatched.
        HttpResponse<String> notAMatch = decide(item.path("id").asLong(), "not-a-match",
                "{\"reason\":\"Twin sister, confirmed by the school\"}", RunningHub.ADMIN_TOKEN);

        assertStatus(200, notAMatch);
        assertThat(heldRow(upn(school, 3))).containsEntry("reason", "UNMATCHED").containsEntry("status", "held");
        assertThat(hub.db().sql("select count(*) from review_queue where held_record_id = ? and status = 'open'")
                .param(held.get("id")).query(Long.class).single()).isZero();
    }

    @Test
    void aNearDuplicateWithATypoGoesToReviewAndALinkDecisionIsAuditedAndFinal() throws Exception {
        String school = "9267104";
        long person = registered("mt-typo", null, null, "Bartholomew", "Fennimore", "2011-10-03", "M", "NR5 8QT");

        send(school, "typo-1", pupil(upn(school, 1), null, "Bartholemew", "Fenimore", "2011-10-03", "M", "NR6 2PL"));

        Map<String, Object> held = heldRow(upn(school, 1));
        assertThat(held).containsEntry("reason", "REVIEW");
        JsonNode item = queueItemFor(((Number) held.get("id")).longValue());
        assertThat(item.path("candidatePersonId").asLong()).isEqualTo(person);
        assertThat(item.path("rule").asString()).isEqualTo("PROBABILISTIC");
        assertThat(item.path("fields").toString()).contains("\"field\":\"dob\"", "\"agreement\":\"agree\"",
                "\"agreement\":\"partial\"", "Bartholemew", "Bartholomew");
        long id = item.path("id").asLong();
        String school2 = hub.credentialFor("9267105");

        HttpResponse<String> byASchool = decide(id, "link", "{\"reason\":\"x\"}", school2);
        HttpResponse<String> noReason = decide(id, "link", "{}", RunningHub.ADMIN_TOKEN);
        HttpResponse<String> linked = decide(id, "link", "{\"reason\":\"Same child: spelling error in the MIS\"}",
                RunningHub.ADMIN_TOKEN);
        HttpResponse<String> again = decide(id, "new-person", "{\"reason\":\"Changed my mind\"}",
                RunningHub.ADMIN_TOKEN);

        assertStatus(403, byASchool);
        assertStatus(400, noReason);
        assertThat(noReason.body()).contains("reason");
        assertStatus(200, linked);
        assertStatus(409, again);
        assertThat(again.body()).contains("already decided");
        assertThat(pupilRow(upn(school, 1))).containsEntry("person_id", person).containsEntry("match_rule", "REVIEW");
        assertThat(hub.db().sql("""
                select actor || '|' || action || '|' || reason from audit_events where subject = ?""")
                .param("review:" + id).query(String.class).list())
                .containsExactly("shared-admin-token|REVIEW_DECISION|Same child: spelling error in the MIS");
    }

    @Test
    void aUpnWhoseDateOfBirthAndNamesDisagreeIsAConflictNotALink() throws Exception {
        String school = "9267106";
        String shared = upn(school, 1);
        long person = registered("mt-conf", shared, null, "Cordelia", "Ashburn", "2012-01-20", "F", "NR7 0AA");

        send(school, "conflict-1", pupil(shared, null, "Jasper", "Mallory", "2013-06-06", "M", "NR7 0AB"));

        assertThat(pupilRow(shared)).isNull();
        Map<String, Object> held = heldRow(shared);
        assertThat(held).containsEntry("reason", "CONFLICT");
        JsonNode item = queueItemFor(((Number) held.get("id")).longValue());
        assertThat(item.path("candidatePersonId").asLong()).isEqualTo(person);
        assertThat(item.path("rule").asString()).isEqualTo("UPN");

        HttpResponse<String> newPerson = decide(item.path("id").asLong(), "new-person",
                "{\"reason\":\"Different child\"}", RunningHub.ADMIN_TOKEN);

        assertStatus(409, newPerson);
        assertThat(newPerson.body()).contains("UPN already leads to person " + person);
    }

    @Test
    void anUnmatchedPupilIsHeldAndTheRegisterImportReleasesItWithItsHeldMarks() throws Exception {
        String school = "9267107";
        String pupilUpn = upn(school, 1);
        send(school, "new-1", pupil(pupilUpn, null, "Perpetua", "Lindqvist", "2013-09-09", "F", "NR8 3JJ"));
        String token = hub.credentialFor(school);
        HttpResponse<String> marks = hub.upload(school, token, "new-marks", "attendance", new AttendanceCsv()
                .days(school, pupilUpn, LocalDate.of(2025, 9, 8), 5, "/", "N").bytes());
        hub.awaitBatch(marks.headers().firstValue("Location").orElseThrow(), token);
        Map<String, Object> held = heldRow(pupilUpn);
        assertThat(held).containsEntry("reason", "UNMATCHED");
        assertThat((String) held.get("detail")).contains("new to the LA", "first setting");

        Path register = Files.createTempFile("register", ".csv");
        Files.writeString(register, """
                id,upn,former_upns,uln,legal_forename,legal_surname,preferred_forename,preferred_surname,dob,sex,postcode
                mt-new,,,,Perpetua,Lindqvist,,,2013-09-09,F,NR8 3JJ
                """);
        RegisterImport.Result loaded = hub.bean(RegisterImport.class).load(register);
        // Nothing held under a UPN the register gives; the rest is re-matched by the job the import queued.
        assertThat(loaded.released()).isZero();
        HeldRecordMatchingIT.awaitRematchJobs(hub);

        long person = hub.db().sql("select id from persons where register_id = 'mt-new'").query(Long.class).single();
        assertThat(pupilRow(pupilUpn)).containsEntry("person_id", person).containsEntry("match_rule", "DOB_NAME");
        assertThat(hub.db().sql("select status from held_records where upn = ? order by id").param(pupilUpn)
                .query(String.class).list()).containsOnly("released");
        assertThat(hub.db().sql("select marks from attendance_years where person_id = ?").param(person)
                .query(String.class).single()).contains("/N/N/N/N/N");
    }

    @Test
    void aNewPersonDecisionCreatesThePersonAndReleasesTheRecord() throws Exception {
        String school = "9267108";
        long lookalike = registered("mt-look", null, null, "Cressida", "Yelland", "2010-12-01", "F", "NR10 1AA");

        send(school, "np-1", pupil(upn(school, 1), null, "Cresida", "Yeland", "2010-12-01", "F", "NR11 2BB"));

        Map<String, Object> held = heldRow(upn(school, 1));
        JsonNode item = queueItemFor(((Number) held.get("id")).longValue());
        assertThat(item.path("candidatePersonId").asLong()).isEqualTo(lookalike);

        HttpResponse<String> created = decide(item.path("id").asLong(), "new-person",
                "{\"reason\":\"A different child: the school confirmed she is new to the area\"}",
                RunningHub.ADMIN_TOKEN);

        assertStatus(200, created);
        long person = RunningHub.json(created).path("personId").asLong();
        assertThat(person).isNotEqualTo(lookalike);
        assertThat(hub.db().sql("select origin from persons where id = ?").param(person).query(String.class).single())
                .isEqualTo("review");
        assertThat(pupilRow(upn(school, 1))).containsEntry("person_id", person);
        assertThat(heldRow(upn(school, 1))).containsEntry("status", "released");
    }

    @Test
    void anExclusionOfAnUnknownUpnIsHeldAndStoredOnceTheRegisterKnowsThePupilAndTheSchoolsCtfEnrolsThem()
            throws Exception {
        String school = "9267119";
        String pupilUpn = upn(school, 1);
        String token = hub.credentialFor(school);
        HttpResponse<String> sent = hub.upload(school, token, "excl-1", "exclusions", ("""
                laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id
                %s,%s,SUSP,PP,2025-10-06,2025-10-07,4,mis-77
                """.formatted(school, pupilUpn)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode batch = hub.awaitBatch(sent.headers().firstValue("Location").orElseThrow(), token);
        assertThat(batch.path("status").asString()).as(batch.toString()).isEqualTo("completed");
        java.util.function.Supplier<Map<String, Object>> held = () -> hub.db().sql(
                "select reason, status, person_id from held_records where upn = ? and feed = 'exclusions'")
                .param(pupilUpn).query().singleRow();
        assertThat(held.get()).containsEntry("reason", "NOT_ON_ROLL").containsEntry("status", "held");
        Path register = Files.createTempFile("register", ".csv");
        Files.writeString(register, """
                id,upn,former_upns,uln,legal_forename,legal_surname,preferred_forename,preferred_surname,dob,sex,postcode
                mt-excl,%s,,,Ottoline,Featherstonhaugh,,,2015-03-14,F,NR9 4LL
                """.formatted(pupilUpn));

        RegisterImport.Result loaded = hub.bean(RegisterImport.class).load(register);
        // Known to the LA is not on the school's roll: the school's CTF puts the pupil there.
        assertThat(loaded.released()).isZero();
        assertThat(held.get()).containsEntry("status", "held");
        JsonNode ctf = send(school, "ctf-excl", pupil(pupilUpn, null, "Ottoline", "Featherstonhaugh", "2015-03-14", "F",
                "NR9 4LL"));
        assertThat(ctf.path("records").path("imported").asInt()).as(ctf.toString()).isEqualTo(1);

        long person = hub.db().sql("select id from persons where register_id = 'mt-excl'").query(Long.class).single();
        assertThat(held.get()).containsEntry("status", "released").containsEntry("person_id", person);
        assertThat(hub.db().sql("""
                select person_id, exclusion_ref, category, sessions from exclusions where laestab = ?""")
                .param(school).query().listOfRows())
                .containsExactly(Map.of("person_id", person, "exclusion_ref", "mis:mis-77", "category", "SUSP",
                        "sessions", 4));
        // The release staged the exclusion under an id of its own and cleared it.
        assertThat(hub.db().sql("""
                select count(*) from stage_exclusions s where not exists (select 1 from batches b where b.id = s.batch_id)""")
                .query(Long.class).single()).isZero();
    }
}
