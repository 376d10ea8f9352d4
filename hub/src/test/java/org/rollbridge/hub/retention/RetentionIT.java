package org.rollbridge.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rollbridge.hub.testing.CtfFixture.upn;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.LookedAfter;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.access.Users;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.people.Rectifications;
import org.rollbridge.hub.people.SocialCareImport;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.School;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One school's pupils, born on 14 March 2015, and the night after their 25th birthday (a fixed clock): the plain
 * pupils go from every table and the upload store with tombstones in the audit log, a looked-after child, a child who
 * was on a protection plan and a held child stay; a run killed after its first slice is taken up; a second run
 * deletes nothing more; the dry run reported exactly what the real run did.
 */
@HubTest(settings = "ROLLBRIDGE_RETENTION_SLICE=1", beans = RetentionIT.NightAfterTheBirthday.class)
class RetentionIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate BORN = LocalDate.of(2015, 3, 14);
    static final LocalDate NEXT_NIGHT = LocalDate.of(2040, 3, 15);
    static final String SCHOOL = "9265001";
    static final AtomicBoolean KILL_SECOND_SLICE = new AtomicBoolean();

    static RunningHub hub;
    static long turning25;
    static long alsoTurning25;
    static long lookedAfter;
    static long protectionPlan;
    static long held;
    static long young;
    static List<String> batchFiles = new ArrayList<>();
    static Map<String, HttpResponse<String>> holdRequests = new HashMap<>();
    static String dryRunJson;
    static RetentionReport dryRun;
    static RuntimeException killed;
    static RetentionRunStore.RecordedRun stopped;
    static List<Long> deletedBeforeTheKill;
    static List<Long> dueAfterTheKill;
    static RetentionRunStore.RecordedRun finished;
    static List<Long> keptAfterTheRun;
    static RetentionReport secondRun;
    static Map<Long, JsonNode> statusBeforeRelease = new HashMap<>();
    static Map<String, HttpResponse<String>> pages = new HashMap<>();
    static RetentionReport afterRelease;

    /**
     * The night after the pupils' 25th birthday, and a probe that kills a run's second slice when armed. Named by
     * this test only, not a scanned configuration: its fixed clock would otherwise be every other hub's clock too
     * (a hub started beside the test classes, as the command-line tests do, refused every security code).
     */
    static class NightAfterTheBirthday {

        @Bean
        @Primary
        Clock retentionNight() {
            return Clock.fixed(ZonedDateTime.of(NEXT_NIGHT.atTime(3, 30), LONDON).toInstant(), LONDON);
        }

        @Bean
        RetentionRun.SliceProbe killSecondSlice(JdbcClient db) {
            return (runId, slice) -> {
                if (slice == 2 && KILL_SECOND_SLICE.getAndSet(false)) {
                    db.sql("select pg_terminate_backend(pg_backend_pid())").query(Boolean.class).single();
                }
            };
        }
    }

    /** The whole night, in order; the tests check what each step left. */
    @BeforeAll
    static void aNightOfRetention() throws Exception {
        givenASchoolsPupilsBornOnTheSameDay();
        String holdId = placeHolds();
        HttpResponse<String> dry = post("/api/v1/retention/runs", "{\"asOf\": \"" + NEXT_NIGHT + "\"}",
                RunningHub.ADMIN_TOKEN);
        assertStatus(200, dry);
        dryRunJson = dry.body();
        dryRun = JsonMapper.builder().build().readValue(dryRunJson, RetentionReport.class);
        keptAfterTheRun = new ArrayList<>(List.of(turning25, alsoTurning25, lookedAfter, protectionPlan, held, young));
        keptAfterTheRun.removeIf(p -> !exists(p));

        NightlyRetention nightly = hub.bean(NightlyRetention.class);
        KILL_SECOND_SLICE.set(true);
        try {
            nightly.scheduled();
        } catch (RuntimeException e) {
            killed = e;
        }
        stopped = hub.bean(RetentionRunStore.class).latest(1).get(0);
        deletedBeforeTheKill = planned(stopped.id(), "deleted");
        dueAfterTheKill = planned(stopped.id(), "due");
        nightly.scheduled();
        finished = hub.bean(RetentionRunStore.class).latest(1).get(0);
        keptAfterTheRun.removeIf(p -> !exists(p));
        secondRun = hub.bean(RetentionRun.class).run(NEXT_NIGHT, false, "test");

        for (long person : List.of(lookedAfter, protectionPlan, held)) {
            statusBeforeRelease.put(person, RunningHub.json(hub.send(hub.request("/api/v1/persons/" + person
                    + "/retention").GET(), RunningHub.ADMIN_TOKEN)));
        }
        visitThePages();
        holdRequests.put("release", post("/api/v1/retention/holds/" + holdId + "/release",
                "{\"reason\": \"Claim settled\"}", RunningHub.ADMIN_TOKEN));
        afterRelease = hub.bean(RetentionRun.class).run(NEXT_NIGHT, false, "test");
    }

    static void givenASchoolsPupilsBornOnTheSameDay() throws Exception {
        turning25 = registered(1, "Zebedee", "Quartermaine", BORN);
        alsoTurning25 = registered(2, "Ottoline", "Vanstraubenzee", BORN);
        lookedAfter = registered(3, "Cared", "Forchild", BORN);
        protectionPlan = registered(4, "Planned", "Protectee", BORN);
        held = registered(5, "Heldback", "Litigant", BORN);
        young = registered(6, "Younger", "Sibling", BORN.plusYears(1));
        School school = hub.school(SCHOOL);
        CtfFixture ctf = CtfFixture.full(SCHOOL);
        for (int serial = 1; serial <= 6; serial++) {
            ctf.add(pupil(serial, serial == 3));
        }
        ctf.add(CtfFixture.pupil(upn(SCHOOL, 7), "Unmatched", "Strangerly", List.of()));
        school.completed("ctf-1", ctf);
        school.completed("att-1", new AttendanceCsv()
                .days(SCHOOL, upn(SCHOOL, 1), LocalDate.of(2025, 9, 8), 5, "L", "L"));
        school.completed("att-2", new AttendanceCsv()
                .days(SCHOOL, upn(SCHOOL, 1), LocalDate.of(2025, 9, 8), 5, "/", "\\")
                .days(SCHOOL, upn(SCHOOL, 2), LocalDate.of(2025, 9, 8), 5, "/", "\\"));
        Path socialCare = RunningHub.tempDir().resolve("social-care.csv");
        Files.writeString(socialCare, "upn,social_worker,looked_after,child_protection,start_date,end_date\n"
                + upn(SCHOOL, 4) + ",true,false,true,2026-01-05,2030-01-31\n");
        assertThat(hub.bean(SocialCareImport.class).load(socialCare).loaded()).isEqualTo(1);
        JdbcClient db = hub.db();
        long alert = db.sql("""
                insert into alert_cases (la, person_id, kind, laestab, status, detail, resolved_at, resolution)
                values ('926', ?, 'PERSISTENT_ABSENCE', ?, 'resolved', 'Zebedee absent', '2026-02-01', 'back at school')
                returning id""").params(turning25, SCHOOL).query(Long.class).single();
        db.sql("insert into alert_case_events (la, case_id, event, actor, detail) values ('926', ?, 'raised', null, 'x')")
                .param(alert).update();
        db.sql("""
                insert into exclusions (la, person_id, laestab, exclusion_ref, category, reason, start_date, batch_id)
                values ('926', ?, ?, 'EX1', 'SUSP', 'PA', '2025-10-01', gen_random_uuid())""")
                .params(turning25, SCHOOL).update();
        // A correction is part of the education record: it goes with the person.
        hub.bean(Rectifications.class).record(turning25, "surname", "Quartermaine-Fenwick",
                "Surname changed by deed poll", "Deed poll seen by the LA", "officer-rect", "LA_ADMIN");
        AuditLog audit = hub.bean(AuditLog.class);
        audit.record("officer-1", "LA_ATTENDANCE_OFFICER", AuditAction.VIEW_PUPIL, "person:" + turning25, "visit",
                "looked at Zebedee Quartermaine", "ok");
        audit.record("officer-1", "LA_ATTENDANCE_OFFICER", AuditAction.ALERT_DECISION, "alert:" + alert,
                "back at school", "resolved", "ok");
        batchFiles.addAll(db.sql("select stored_path from batches where laestab = ?").param(SCHOOL)
                .query(String.class).list());
    }

    /** Tries the API's refusals, then holds the fifth pupil; returns the hold's id. */
    static String placeHolds() throws Exception {
        holdRequests.put("no reason", post("/api/v1/retention/holds",
                "{\"personId\": " + held + ", \"reviewOn\": \"2041-01-01\"}", RunningHub.ADMIN_TOKEN));
        holdRequests.put("school", post("/api/v1/retention/holds", "{\"personId\": " + held
                + ", \"reason\": \"x\", \"reviewOn\": \"2041-01-01\"}", hub.credentialFor(SCHOOL)));
        holdRequests.put("placed", post("/api/v1/retention/holds", "{\"personId\": " + held
                + ", \"reason\": \"Claim 2039/17 against the LA\", \"reviewOn\": \"2041-01-01\"}", RunningHub.ADMIN_TOKEN));
        holdRequests.put("twice", post("/api/v1/retention/holds", "{\"personId\": " + held
                + ", \"reason\": \"again\", \"reviewOn\": \"2041-01-01\"}", RunningHub.ADMIN_TOKEN));
        return RunningHub.json(holdRequests.get("placed")).path("id").asString();
    }

    static void visitThePages() throws Exception {
        PageClient admin = signedIn("ret-admin", Role.LA_ADMIN);
        PageClient officer = signedIn("ret-officer", Role.LA_ATTENDANCE_OFFICER);
        pages.put("admin holds", admin.post("/retention/holds", Map.of("_csrf", admin.csrf("/pupils/" + lookedAfter),
                "personId", String.valueOf(lookedAfter), "reason", "Inquiry into placements", "reviewOn", "2041-06-30")));
        pages.put("admin pupil", admin.get("/pupils/" + lookedAfter));
        pages.put("admin retention", admin.get("/retention"));
        pages.put("officer pupil", officer.get("/pupils/" + lookedAfter));
        pages.put("officer retention", officer.get("/retention"));
        pages.put("officer holds", officer.post("/retention/holds", Map.of("_csrf", officer.csrf("/"), "personId",
                String.valueOf(lookedAfter), "reason", "x", "reviewOn", "2041-06-30")));
    }

    /** Signs in at the fixed night, so that the one-time code matches the hub's clock. */
    static PageClient signedIn(String username, Role role) throws Exception {
        Users.NewAccount a = hub.account(username, "Sam " + username, role);
        PageClient client = new PageClient(hub.base());
        client.signIn(username, a.password(), a.totpSecret(), hub.bean(Clock.class).instant());
        return client;
    }

    static long registered(int serial, String forename, String surname, LocalDate dob) {
        return RegisteredPerson.withUpn(upn(SCHOOL, serial)).named(forename, surname).born(dob).in(hub);
    }

    static Pupil pupil(int serial, boolean inCare) {
        Pupil.Builder b = Pupil.builder().upn(upn(SCHOOL, serial))
                .forename(List.of("Zebedee", "Ottoline", "Cared", "Planned", "Heldback", "Younger").get(serial - 1))
                .surname(List.of("Quartermaine", "Vanstraubenzee", "Forchild", "Protectee", "Litigant", "Sibling")
                        .get(serial - 1))
                .dob(RecordedDate.of(serial == 6 ? BORN.plusYears(1) : BORN)).sex(Coded.of(Sex.class, "F"))
                .ncYear(Coded.of(NcYear.class, serial == 6 ? "5" : "6")).enrolStatus(Coded.of(EnrolStatus.class, "C"))
                .admissionDate(LocalDate.of(2021, 9, 1))
                .address(Address.lines(List.of("1 High Street", "Norwich"), "NR1 1AA"));
        if (inCare) {
            b.lookedAfter(new LookedAfter(true, "926"));
        }
        return b.build();
    }

    static HttpResponse<String> post(String path, String json, String token) throws Exception {
        return hub.send(hub.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    static List<Long> planned(long runId, String state) {
        return hub.db().sql("select person_id from retention_run_persons where run_id = ? and state = ?")
                .params(runId, state).query(Long.class).list();
    }

    static boolean exists(long person) {
        return hub.db().sql("select exists (select 1 from persons where id = ?)").param(person)
                .query(Boolean.class).single();
    }

    @Test
    void anAdministratorHoldsAPersonsRecordsWithAReasonAndAReviewDate() {
        assertStatus(400, holdRequests.get("no reason"));
        assertThat(RunningHub.json(holdRequests.get("no reason")).path("message").asString()).contains("needs a reason");
        assertStatus(403, holdRequests.get("school"));
        assertStatus(201, holdRequests.get("placed"));
        assertStatus(409, holdRequests.get("twice"));
        assertThat(hub.db().sql("select count(*) from audit_events where action = 'LEGAL_HOLD' and erased_on is not null")
                .query(Long.class).single()).as("the hold on the person deleted after its release").isEqualTo(1);
    }

    @Test
    void theDryRunReportsInTheContractsShapeAndDeletesNothing() {
        assertThat(dryRunJson).isEqualTo("{\"asOf\":\"2040-03-15\",\"dryRun\":true,\"categories\":["
                + "{\"category\":\"education\",\"due\":3,\"deleted\":2,\"onHold\":1},"
                + "{\"category\":\"safeguarding\",\"due\":0,\"deleted\":0,\"onHold\":0},"
                + "{\"category\":\"child-protection\",\"due\":0,\"deleted\":0,\"onHold\":0},"
                + "{\"category\":\"looked-after\",\"due\":0,\"deleted\":0,\"onHold\":0}],"
                + "\"persons\":{\"due\":3,\"deleted\":2,\"onHold\":1}}");
    }

    @Test
    void aRunKilledAfterItsFirstSliceIsTakenUpByTheNextAndReportsWhatTheDryRunSaid() {
        assertThat(killed).as("the second slice's connection was terminated").isNotNull();
        assertThat(stopped.status()).isEqualTo("failed");
        assertThat(deletedBeforeTheKill).as("the first slice committed").containsExactly(turning25);
        assertThat(dueAfterTheKill).as("the second slice was rolled back").containsExactly(alsoTurning25);
        assertThat(finished.id()).as("the same run, taken up").isEqualTo(stopped.id());
        assertThat(finished.status()).isEqualTo("succeeded");
        assertThat(finished.report()).isEqualTo(new RetentionReport(dryRun.asOf(), false, dryRun.categories(),
                dryRun.persons()));
        assertThat(planned(finished.id(), "due")).as("a finished run's list is not kept").isEmpty();
    }

    @Test
    void aLookedAfterChildAChildOnAPlanAHeldChildAndAYoungerOneOutliveThe25thBirthday() {
        assertThat(keptAfterTheRun).containsExactly(lookedAfter, protectionPlan, held, young);
        assertThat(statusBeforeRelease.get(lookedAfter).path("governing").asString()).isEqualTo("looked-after");
        assertThat(statusBeforeRelease.get(lookedAfter).path("deletionDate").asString()).isEqualTo("2090-03-14");
        assertThat(statusBeforeRelease.get(protectionPlan).path("governing").asString()).isEqualTo("child-protection");
        assertThat(statusBeforeRelease.get(protectionPlan).path("deletionDate").asString()).isEqualTo("2070-01-31");
        assertThat(statusBeforeRelease.get(held).path("onHold").asBoolean()).isTrue();
        assertThat(statusBeforeRelease.get(held).path("holds").get(0).path("reason").asString())
                .isEqualTo("Claim 2039/17 against the LA");
    }

    @Test
    void aPupilTurning25IsGoneFromEveryTable() {
        JdbcClient db = hub.db();
        List<String> found = new ArrayList<>();
        List<String> tables = db.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                and table_name <> 'flyway_schema_history' order by 1""").query(String.class).list();
        for (String table : tables) {
            for (String needle : List.of(upn(SCHOOL, 1), "Zebedee", "Quartermaine", upn(SCHOOL, 7), "Strangerly")) {
                long n = db.sql("select count(*) from " + table + " t where t::text like ?").param("%" + needle + "%")
                        .query(Long.class).single();
                if (n > 0) {
                    found.add(table + " holds " + needle + " " + n + " time(s)");
                }
            }
        }
        List<String> personColumns = db.sql("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and column_name like '%person_id'""").query(String.class).list();
        for (String column : personColumns) {
            String[] tc = column.split("\\.");
            if (db.sql("select count(*) from " + tc[0] + " where " + tc[1] + " = ?").param(turning25)
                    .query(Long.class).single() > 0) {
                found.add(column + " = the deleted person");
            }
        }

        assertThat(tables).contains("persons", "pupils", "attendance_years", "mark_history", "held_records",
                "batch_findings", "alert_cases", "audit_events", "rectifications");
        assertThat(found).isEmpty();
        assertThat(db.sql("select action || '|' || subject || '|' || coalesce(reason, '') from audit_events "
                + "where actor = 'officer-rect'").query(String.class).single()).as("the correction's audit row")
                .isEqualTo("RECTIFICATION|person|");
        assertThat(db.sql("select count(*) from pupils where person_id = ?").param(lookedAfter).query(Long.class)
                .single()).as("the looked-after child's record outlives the 25th birthday").isEqualTo(1);
    }

    @Test
    void theRawUploadsThatHeldThemAreGoneFromTheUploadStore() {
        assertThat(batchFiles).hasSize(3);
        assertThat(batchFiles).allMatch(f -> !Files.exists(Path.of(f)));
        assertThat(hub.db().sql("select count(*) from batches where laestab = ? and upload_erased_at is not null")
                .param(SCHOOL).query(Long.class).single()).isEqualTo(3);
        assertThat(hub.db().sql("select count(*) from retention_upload_erasures").query(Long.class).single()).isZero();
    }

    @Test
    void theirAuditRowsAreTombstonesThatKeepWhoWhenAndWhatKind() {
        List<String> tombstones = hub.db().sql("""
                select actor || '|' || action || '|' || coalesce(subject, '') || '|' || coalesce(reason, '')
                       || '|' || coalesce(detail, '') || '|' || erased_on
                from audit_events where actor = 'officer-1' order by id""").query(String.class).list();

        assertThat(tombstones).containsExactly("officer-1|VIEW_PUPIL|person|||" + NEXT_NIGHT,
                "officer-1|ALERT_DECISION|alert|||" + NEXT_NIGHT);
        assertThatThrownBy(() -> hub.db().sql("update audit_events set actor = 'someone else' where actor = 'officer-1'")
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> hub.db().sql("delete from audit_events where actor = 'officer-1'").update())
                .hasMessageContaining("append-only");
        assertThat(hub.db().sql("select count(*) from audit_events where action = 'RETENTION_RUN' and actor = ?")
                .param(NightlyRetention.ACTOR).query(Long.class).single()).as("the killed run and its resumption")
                .isEqualTo(2);
    }

    @Test
    void aSecondRunDeletesNothingMore() {
        assertThat(secondRun.persons()).isEqualTo(new RetentionReport.Counts(1, 0, 1));
    }

    @Test
    void aReleasedHoldLetsTheNextRunDeleteThem() {
        assertStatus(200, holdRequests.get("release"));
        assertThat(afterRelease.persons()).isEqualTo(new RetentionReport.Counts(1, 1, 0));
        assertThat(exists(held)).isFalse();
        assertThat(hub.db().sql("select count(*) from audit_events where action in ('LEGAL_HOLD', 'LEGAL_HOLD_RELEASED') "
                + "and subject = 'person' and reason is null").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void administratorsSeeRetentionAndHoldsOnThePupilPageAndTheRetentionPage() {
        HttpResponse<String> placed = pages.get("admin holds");
        assertStatus(302, placed);
        assertThat(placed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/pupils/" + lookedAfter + "#retention"));
        assertThat(pages.get("admin pupil").body()).contains("id=\"retention\"", "14 March 2090",
                "Looked after", "75 years", "Date of birth", "Inquiry into placements", "30 June 2041", "Release hold")
                .doesNotContain("P75Y", "2090-03-14");
        assertThat(pages.get("admin retention").body()).contains("id=\"holds\"", "Inquiry into placements",
                "30 June 2041", "id=\"runs\"", NightlyRetention.ACTOR, "Education record", "25 years",
                "Safeguarding (alert cases)", "Last alert case closed")
                .containsPattern(">\\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2}<")
                .doesNotContain("P25Y", "2041-06-30", "Z</td>");
        assertThat(pages.get("officer pupil").body()).doesNotContain("id=\"retention\"");
        assertStatus(403, pages.get("officer retention"));
        assertStatus(403, pages.get("officer holds"));
        assertThat(hub.bean(LegalHolds.class).ofPerson(lookedAfter)).singleElement()
                .satisfies(h -> assertThat(h.heldBy()).isEqualTo("ret-admin"));
    }
}
