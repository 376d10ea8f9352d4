package org.rollbridge.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.pupil.LookedAfter;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.people.PersonIndex;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.FixedAlertDay;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import tools.jackson.databind.JsonNode;

/**
 * Alert cases over the real pipeline, database and HTTP: a ten-day unauthorised streak raises one case, a later
 * batch extending it updates that case, a resolved case stays resolved for the same evidence and a new streak
 * raises a new case; who sees which case; the lifecycle's transitions and their audit rows; the nightly run.
 * Each test starts from an empty hub holding the same two pupils' streaks, so the tests run in any order.
 */
@HubTest(beans = FixedAlertDay.class)
class AlertsIT {

    static final String SCHOOL = "9267301";
    static final String OTHER_SCHOOL = "9267302";
    static final LocalDate TODAY = FixedAlertDay.TODAY;
    static RunningHub hub;
    String token;
    String otherToken;
    long absent;
    long lookedAfter;
    /** The absent pupil's CONSECUTIVE_ABSENCE_10 case. */
    long firstCase;

    /** Two pupils in school for a week, then absent for ten school days: one without permission, one looked after. */
    @BeforeEach
    void twoPupilsAbsentForTenSchoolDays() throws Exception {
        hub.reset();
        String absentUpn = CtfFixture.upn(SCHOOL, 1);
        String cohortUpn = CtfFixture.upn(SCHOOL, 2);
        absent = register(absentUpn);
        lookedAfter = register(cohortUpn, "Lee", "Cared");
        token = hub.credentialFor(SCHOOL);
        otherToken = hub.credentialFor(OTHER_SCHOOL);
        completed(hub.upload(SCHOOL, token, "ctf-1", "ctf", CtfFixture.full(SCHOOL).add(absentUpn)
                .add(CtfFixture.pupil(cohortUpn, "Lee", "Cared", List.of()).toBuilder()
                        .lookedAfter(new LookedAfter(true, "926")).build()).bytes()));
        // Both pupils in school for a week, then absent without permission for ten school days.
        completed(hub.upload(SCHOOL, token, "att-1", "attendance", new AttendanceCsv()
                .days(SCHOOL, absentUpn, LocalDate.of(2025, 9, 29), 7, "/", "\\")
                .days(SCHOOL, absentUpn, LocalDate.of(2025, 10, 6), 12, "O", "O")
                .days(SCHOOL, cohortUpn, LocalDate.of(2025, 9, 29), 7, "/", "\\")
                .days(SCHOOL, cohortUpn, LocalDate.of(2025, 10, 6), 12, "N", "N").bytes()));
        firstCase = ((Number) cases(absent, "CONSECUTIVE_ABSENCE_10").get(0).get("id")).longValue();
    }

    /** Five more school days absent without permission: the absent pupil's streak goes on to 24 October. */
    void theStreakGoesOnAWeek() throws Exception {
        completed(hub.upload(SCHOOL, token, "att-2", "attendance", new AttendanceCsv()
                .days(SCHOOL, CtfFixture.upn(SCHOOL, 1), LocalDate.of(2025, 10, 20), 5, "O", "O").bytes()));
    }

    static long register(String upn) {
        return register(upn, "Pat", "Pupil");
    }

    /** A person in the register as the school's CTF names them (else the UPN link is a conflict for review). */
    static long register(String upn, String forename, String surname) {
        return RegisteredPerson.withUpn(upn).named(forename, surname).in(hub);
    }

    /** Waits for the batch and for the alert follow-up jobs it queued. */
    void completed(HttpResponse<String> upload) throws Exception {
        completed(upload, token);
    }

    static void completed(HttpResponse<String> upload, String credential) throws Exception {
        assertStatus(202, upload);
        JsonNode batch = hub.awaitBatch(upload.headers().firstValue("Location").orElseThrow(), credential);
        assertThat(batch.path("status").asString()).as(batch.toString()).isEqualTo("completed");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (hub.db().sql("select count(*) from jobs where kind = ? and status = 'queued'")
                .param(AlertFollowUp.KIND).query(Long.class).single() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(hub.db().sql("select count(*) from jobs where kind = ? and (status = 'failed' or attempts > 0 "
                + "and last_error is not null)").param(AlertFollowUp.KIND).query(Long.class).single())
                .as("alert follow-up jobs that failed").isZero();
    }

    static List<Map<String, Object>> cases(long person, String kind) {
        return hub.db().sql("""
                select id, status, figure, case_key, first_evidence, last_evidence from alert_cases
                where person_id = ? and kind = ? order by id""").params(person, kind).query().listOfRows();
    }

    static HttpResponse<String> api(String method, String path, String body, String credential) throws Exception {
        HttpRequest.Builder r = hub.request(path).header("Content-Type", "application/json");
        r = body == null ? r.method(method, HttpRequest.BodyPublishers.noBody())
                : r.method(method, HttpRequest.BodyPublishers.ofString(body));
        return hub.send(r, credential);
    }

    static AlertAccess.Viewer laAttendanceOfficer(String name) {
        return new AlertAccess.Viewer(name, Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
    }

    static PageClient signedIn(String name, Role role, Organisation org) throws Exception {
        return hub.signedIn(name, role, org);
    }

    /**
     * A permanent exclusion raises its sixth-school-day case, due on that day (the LA's s19 duty), graded as due now
     * once the day has passed, and the officer's queue shows it as overdue.
     */
    @Test
    void aPermanentExclusionPastItsSixthSchoolDayIsOverdueInTheQueue() throws Exception {
        String upn = CtfFixture.upn(SCHOOL, 1);
        completed(hub.upload(SCHOOL, token, "perm-1", "exclusions",
                ("laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id\n" + SCHOOL + "," + upn
                        + ",PERM,PP,2025-11-03,,,PX1\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        List<Map<String, Object>> day6 = cases(absent, "PERMANENT_EXCLUSION_DAY_6");
        assertThat(day6).hasSize(1);
        HttpResponse<String> read = api("GET", "/api/v1/alerts/" + day6.get(0).get("id"), null,
                RunningHub.ADMIN_TOKEN);
        assertStatus(200, read);
        JsonNode c = RunningHub.json(read);
        assertThat(LocalDate.parse(c.path("dueOn").asString())).isEqualTo(LocalDate.of(2025, 11, 10))
                .isBefore(TODAY);
        assertThat(c.path("severity").asInt()).isEqualTo(2);
        String overdue = signedIn("Olive Officer", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"))
                .get("/alerts?kind=PERMANENT_EXCLUSION_DAY_6&laestab=" + SCHOOL + "&overdue=yes").body();
        assertThat(overdue).contains("href=\"/alerts/" + day6.get(0).get("id") + "\"");
    }

    @Test
    void aTenDayUnauthorisedStreakRaisesOneCaseAndALaterBatchExtendingItUpdatesThatCase() throws Exception {
        List<Map<String, Object>> raised = cases(absent, "CONSECUTIVE_ABSENCE_10");
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).get("status")).isEqualTo("raised");
        assertThat(((Number) raised.get(0).get("figure")).intValue()).isEqualTo(10);
        assertThat(raised.get(0).get("first_evidence").toString()).isEqualTo("2025-10-06");
        assertThat(cases(absent, "CONSECUTIVE_UNAUTHORISED_10")).hasSize(1);
        assertThat(((Number) raised.get(0).get("id")).longValue()).isEqualTo(firstCase);

        // The same marks again (a redelivery under a new id) change nothing; five more absent days extend the streak.
        theStreakGoesOnAWeek();

        List<Map<String, Object>> extended = cases(absent, "CONSECUTIVE_ABSENCE_10");
        assertThat(extended).hasSize(1);
        assertThat(((Number) extended.get(0).get("id")).longValue()).isEqualTo(firstCase);
        assertThat(((Number) extended.get(0).get("figure")).intValue()).isEqualTo(15);
        assertThat(extended.get(0).get("last_evidence").toString()).isEqualTo("2025-10-24");
        assertThat(hub.bean(AlertCaseQuery.class).history(firstCase)).extracting(AlertCaseQuery.Event::event)
                .containsExactly("updated");
    }

    @Test
    void onlyThoseWhoMaySeeThePupilSeeTheCase() throws Exception {
        PageClient ownSchool = signedIn("alerts-dm-own", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));
        PageClient otherSchool = signedIn("alerts-dm-other", Role.SCHOOL_DATA_MANAGER,
                Organisation.school(OTHER_SCHOOL));
        PageClient socialCare = signedIn("alerts-sc", Role.SOCIAL_CARE_VIEWER, Organisation.la("926"));
        PageClient analyst = signedIn("alerts-analyst", Role.LA_ANALYST, Organisation.la("926"));
        long cohortCase = ((Number) cases(lookedAfter, "CONSECUTIVE_ABSENCE_10").get(0).get("id")).longValue();
        String queue = "/alerts?kind=CONSECUTIVE_ABSENCE_10&status=open";

        assertThat(ownSchool.get(queue).body()).contains("/alerts/" + firstCase).contains("/alerts/" + cohortCase);
        assertStatus(200, ownSchool.get("/alerts/" + firstCase));
        assertThat(otherSchool.get(queue).body()).doesNotContain("/alerts/" + firstCase);
        assertStatus(404, otherSchool.get("/alerts/" + firstCase));
        assertThat(socialCare.get(queue).body()).contains("/alerts/" + cohortCase)
                .doesNotContain("/alerts/" + firstCase + "\"");
        assertStatus(404, socialCare.get("/alerts/" + firstCase));
        assertStatus(200, socialCare.get("/alerts/" + cohortCase));
        assertStatus(403, analyst.get(queue));
        // The looked-after child's absence also raises the safeguarding cohort's alert; the other child's does not.
        assertThat(cases(lookedAfter, "COHORT_ABSENCE")).hasSize(1);
        assertThat(cases(absent, "COHORT_ABSENCE")).isEmpty();
        // The machine API: a school's credential reads its own cases only, and decides nothing.
        assertThat(api("GET", "/api/v1/alerts?laestab=" + SCHOOL, null, otherToken).body())
                .isEqualTo("{\"alerts\":[]}");
        assertThat(api("GET", "/api/v1/alerts?kind=CONSECUTIVE_ABSENCE_10&laestab=" + SCHOOL, null, token).body())
                .contains("\"id\":" + firstCase + ",");
        assertStatus(403, api("POST", "/api/v1/alerts/" + firstCase + "/resolve", "{\"reason\":\"x\"}", token));
        assertThat(api("GET", "/api/v1/alerts?kind=NO_SUCH", null, RunningHub.ADMIN_TOKEN).body())
                .contains("is not an alert kind");
    }

    @Test
    void theLifecycleRefusesInvalidTransitionsAndAuditsEveryDecision() throws Exception {
        theStreakGoesOnAWeek();
        PageClient officer = signedIn("alerts-officer", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        String admin = RunningHub.ADMIN_TOKEN;
        String path = "/api/v1/alerts/" + firstCase;

        assertStatus(400, api("POST", path + "/assign", "{\"assignedTo\":\"alerts-dm-own\"}", admin), "a school data manager does not work the queues");
        HttpResponse<String> assigned = officer.post("/alerts/" + firstCase + "/assign", Map.of(
                "assignedTo", "alerts-officer", "_csrf", officer.csrf("/alerts/" + firstCase)));
        assertStatus(302, assigned);
        assertThat(officer.get("/alerts/" + firstCase).body()).contains("assigned").contains("Case assigned");
        assertThat(officer.get("/alerts?kind=CONSECUTIVE_ABSENCE_10&mine=yes").body())
                .contains("/alerts/" + firstCase);
        assertStatus(200, api("POST", path + "/acknowledge", "{\"reason\":\"calling the family\"}", admin));
        assertStatus(409, api("POST", path + "/acknowledge", null, admin));
        assertStatus(400, api("POST", path + "/resolve", "{\"reason\":\"  \"}", admin));
        HttpResponse<String> noReason = officer.post("/alerts/" + firstCase + "/resolve", Map.of(
                "reason", "", "_csrf", officer.csrf("/alerts/" + firstCase)));
        assertStatus(302, noReason);
        assertThat(officer.get("/alerts/" + firstCase).body()).contains("There is a problem")
                .contains("Give the reason");
        HttpResponse<String> resolved = officer.post("/alerts/" + firstCase + "/resolve", Map.of(
                "reason", "Back in school from 27 October", "_csrf", officer.csrf("/alerts/" + firstCase)));
        assertStatus(302, resolved);
        assertStatus(409, api("POST", path + "/resolve", "{\"reason\":\"again\"}", admin));
        assertStatus(409, api("POST", path + "/assign", "{\"assignedTo\":\"alerts-officer\"}", admin));
        JsonNode after = RunningHub.json(api("GET", path, null, admin));
        assertThat(after.path("status").asString()).isEqualTo("resolved");
        assertThat(after.path("resolution").asString()).isEqualTo("Back in school from 27 October");

        List<AuditLog.Event> decisions = hub.bean(AuditLog.class).search(new AuditLog.Query(null,
                AuditAction.ALERT_DECISION, "alert:" + firstCase, null, null, 20));
        assertThat(decisions).extracting(AuditLog.Event::detail).containsExactly(
                "CONSECUTIVE_ABSENCE_10 for person:" + absent + " resolved",
                "CONSECUTIVE_ABSENCE_10 for person:" + absent + " acknowledged",
                "CONSECUTIVE_ABSENCE_10 for person:" + absent + " assigned to alerts-officer");
        assertThat(decisions.get(0).reason()).isEqualTo("Back in school from 27 October");
        assertThat(decisions.get(0).actor()).isEqualTo("alerts-officer");
        assertThat(decisions.get(1).reason()).isEqualTo("calling the family");
        assertThat(hub.bean(AlertCaseQuery.class).history(firstCase)).extracting(AlertCaseQuery.Event::event)
                .containsExactly("updated", "assigned", "acknowledged", "resolved");
        assertThat(officer.get("/pupils/" + absent).body()).contains("Alerts")
                .contains("Back in school from 27 October");
    }

    @Test
    void aResolvedCaseStaysResolvedForTheSameEvidenceAndANewStreakRaisesANewCase() throws Exception {
        theStreakGoesOnAWeek();
        assertStatus(200, api("POST", "/api/v1/alerts/" + firstCase + "/resolve",
                "{\"reason\":\"Back in school from 27 October\"}", RunningHub.ADMIN_TOKEN));
        HttpResponse<String> nightly = api("POST", "/api/v1/jobs/nightly", null, RunningHub.ADMIN_TOKEN);
        assertStatus(200, nightly);
        assertThat(RunningHub.json(nightly).path("status").asString()).isEqualTo("succeeded");
        assertStatus(403, api("POST", "/api/v1/jobs/nightly", null, token));
        assertThat(cases(absent, "CONSECUTIVE_ABSENCE_10")).hasSize(1);
        assertThat(hub.db().sql("select status from job_runs where name = ? order by id desc limit 1")
                .param(NightlyAlerts.NAME).query(String.class).single()).isEqualTo("succeeded");

        String upn = CtfFixture.upn(SCHOOL, 1);
        completed(hub.upload(SCHOOL, token, "att-3", "attendance", new AttendanceCsv()
                .days(SCHOOL, upn, LocalDate.of(2025, 10, 27), 5, "/", "\\")
                .days(SCHOOL, upn, LocalDate.of(2025, 11, 3), 12, "O", "O").bytes()));

        List<Map<String, Object>> after = cases(absent, "CONSECUTIVE_ABSENCE_10");
        assertThat(after).hasSize(2);
        assertThat(after.get(0).get("status")).isEqualTo("resolved");
        assertThat(after.get(1).get("status")).isEqualTo("raised");
        assertThat(after.get(1).get("first_evidence").toString()).isEqualTo("2025-11-03");
        assertThat(((Number) after.get(1).get("figure")).intValue()).isEqualTo(10);
    }

    /**
     * What recomputing costs: the follow-up of a 2,000-pupil batch and the whole LA (at this test's size), each
     * printed beside reading the same pupils' stored marks in the same run.
     */
    @Test
    void theOpenCountsPerTypeCountAResolveAtOnceAndOtherChangesWithinSeconds() throws Exception {
        AlertDecisions decisions = hub.bean(AlertDecisions.class);
        AlertAccess.Viewer officer = laAttendanceOfficer("alerts-counter");
        Map<String, Long> before = decisions.openCounts(officer);
        long open = hub.db().sql("select id from alert_cases where kind = 'SEVERE_ABSENCE' and status <> 'resolved' "
                + "order by id limit 1").query(Long.class).optional().orElseThrow();

        decisions.resolve(officer, open, "Counted at once");

        assertThat(decisions.openCounts(officer).getOrDefault("SEVERE_ABSENCE", 0L))
                .isEqualTo(before.get("SEVERE_ABSENCE") - 1);
        // A change made elsewhere (another hub, a follow-up job) is counted once the counts are older than 5 s.
        hub.db().sql("update alert_cases set status = 'resolved', resolution = 'elsewhere' where id = (select id from "
                + "alert_cases where kind = 'SEVERE_ABSENCE' and status <> 'resolved' order by id limit 1)").update();
        long cached = decisions.openCounts(officer).getOrDefault("SEVERE_ABSENCE", 0L);
        Thread.sleep(AlertCaseQuery.COUNTS_FRESH_FOR.toMillis() + 100);
        assertThat(decisions.openCounts(officer).getOrDefault("SEVERE_ABSENCE", 0L))
                .isEqualTo(before.get("SEVERE_ABSENCE") - 2).isLessThanOrEqualTo(cached);
    }

    /**
     * Twenty officers opening the alert types at once, when the counts are not cached (the hub has just started,
     * or they are 5 s old), cost one count of the open cases, not twenty: at 240,000 open cases the twenty counts
     * held every pooled connection for a second and more, so requests of every page queued behind them.
     */
    @Test
    void officersAskingForTheOpenCountsAtOnceShareOneCount() throws Exception {
        javax.sql.DataSource pool = hub.bean(javax.sql.DataSource.class);
        java.util.concurrent.atomic.AtomicInteger counts = new java.util.concurrent.atomic.AtomicInteger();
        // The count is made slow, so that every officer asks while it is still being made.
        javax.sql.DataSource counting = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (ds, m, args) -> {
                    Object result = m.invoke(pool, args);
                    if (!(result instanceof java.sql.Connection c)) {
                        return result;
                    }
                    return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class}, (conn, cm, cargs) -> {
                                if (cm.getName().equals("prepareStatement") && cargs[0] instanceof String sql
                                        && sql.contains("group by kind")) {
                                    counts.incrementAndGet();
                                    Thread.sleep(300);
                                }
                                try {
                                    return cm.invoke(c, cargs);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
        AlertCaseQuery query = new AlertCaseQuery(org.springframework.jdbc.core.simple.JdbcClient.create(counting),
                hub.bean(org.rollbridge.hub.HubProperties.class));
        AlertAccess.Viewer officer = laAttendanceOfficer("alerts-at-once");
        AlertCaseQuery.Scope scope = hub.bean(AlertAccess.class).scope(officer);
        Map<String, Long> expected = hub.bean(AlertDecisions.class).openCounts(officer);
        assertThat(expected).isNotEmpty();
        java.util.concurrent.ExecutorService officers = java.util.concurrent.Executors.newFixedThreadPool(20);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Map<String, Long>>> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            seen.add(officers.submit(() -> {
                start.await();
                return query.openCounts(scope);
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<Map<String, Long>> s : seen) {
            assertThat(s.get()).isEqualTo(expected);
        }
        officers.shutdown();

        assertThat(counts).hasValue(1);
    }

    /**
     * The counts are of the cases there are: tables emptied under the hub (the test harness's reset between
     * classes, a restore) are counted at once, and so are the cases raised again after it, however recently the
     * counts were cached.
     */
    @Test
    void theOpenCountsFollowTheCasesTableWhenItIsEmptiedAndFilledAgain() throws Exception {
        AlertDecisions decisions = hub.bean(AlertDecisions.class);
        AlertAccess.Viewer officer = laAttendanceOfficer("alerts-recounter");
        Map<String, Long> before = decisions.openCounts(officer);
        assertThat(before).containsKey("CONSECUTIVE_ABSENCE_10");

        hub.reset();

        assertThat(decisions.openCounts(officer)).isEmpty();
        twoPupilsAbsentForTenSchoolDays();
        assertThat(decisions.openCounts(officer)).isEqualTo(before);
    }

    @Test
    void aChildOnChildrensSocialCaresListJoinsTheSocialCareViewersCases() throws Exception {
        PageClient socialCare = signedIn("alerts-sc-list", Role.SOCIAL_CARE_VIEWER, Organisation.la("926"));
        assertStatus(404, socialCare.get("/alerts/" + firstCase));
        java.nio.file.Path list = java.nio.file.Files.createTempFile("social-care", ".csv");
        java.nio.file.Files.writeString(list, """
                person_id,upn,legal_forename,legal_surname,dob,social_worker,looked_after,child_protection,start_date,end_date
                SC1,%s,Pat,Pupil,2015-03-14,true,false,false,2025-09-01,
                """.formatted(CtfFixture.upn(SCHOOL, 1)));

        assertThat(hub.bean(org.rollbridge.hub.people.SocialCareImport.class).load(list).loaded()).isEqualTo(1);

        assertStatus(200, socialCare.get("/alerts/" + firstCase));
        assertStatus(200, socialCare.get("/pupils/" + absent));
    }

    /**
     * Follow-ups coalesce: one job recomputes the pupils of every batch waiting at that moment, each pupil once
     * however many batches touched them, and the jobs of the batches that wave took find nothing left to do.
     */
    @Test
    void oneFollowUpRecomputesThePupilsOfEveryWaitingBatchOnceEach() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        hub.db().sql("insert into alert_recompute_pupils (batch_id, person_id) values (?, ?), (?, ?), (?, ?), (?, ?)")
                .params(first, absent, first, lookedAfter, second, lookedAfter, third, absent).update();
        MeterRegistry metrics = hub.bean(MeterRegistry.class);
        double pupilsBefore = metrics.counter("rollbridge.alerts.follow_up.pupils").count();
        long wavesBefore = metrics.timer("rollbridge.alerts.follow_up").count();
        AlertFollowUp followUp = hub.bean(AlertFollowUp.class);

        followUp.run(second);
        assertThat(metrics.timer("rollbridge.alerts.follow_up").count() - wavesBefore).isEqualTo(1);
        assertThat(metrics.counter("rollbridge.alerts.follow_up.pupils").count() - pupilsBefore)
                .as("pupils recomputed: each once, though two batches touched each").isEqualTo(2.0);
        assertThat(hub.db().sql("select count(*) from alert_recompute_pupils").query(Long.class).single())
                .as("pupils still waiting").isZero();

        followUp.run(first);
        followUp.run(third);
        assertThat(metrics.timer("rollbridge.alerts.follow_up").count() - wavesBefore)
                .as("waves: the later jobs found their batches taken").isEqualTo(1);
        assertThat(cases(absent, "CONSECUTIVE_ABSENCE_10")).hasSize(1);
    }

    @Test
    void recomputeCostIsPrinted() throws Exception {
        String school = "9267303";
        String schoolToken = hub.credentialFor(school);
        int pupils = 2000;
        List<Long> persons = new ArrayList<>();
        PersonIndex index = hub.bean(PersonIndex.class);
        AttendanceCsv csv = new AttendanceCsv();
        CtfFixture roll = CtfFixture.partial(school);
        for (int i = 1; i <= pupils; i++) {
            String upn = Upn.compose("926", "7303", 25 - i / 1000, i % 1000).value();
            persons.add(index.register(new PersonIndex.Person("alerts-cost-" + upn, upn, List.of(), null, "Pat",
                    "Pupil", LocalDate.of(2015, 3, 14), "F", null), "register", null));
            roll.add(upn);
            // A term so far: every tenth pupil absent without permission from November.
            csv.days(school, upn, LocalDate.of(2025, 9, 1), 61, "/", "\\")
                    .days(school, upn, LocalDate.of(2025, 11, 1), 41, i % 10 == 0 ? "O" : "/", i % 10 == 0 ? "O" : "\\");
        }
        completed(hub.upload(school, schoolToken, "roll-1", "ctf", roll.bytes()), schoolToken);
        completed(hub.upload(school, schoolToken, "cost-1", "attendance", csv.bytes()), schoolToken);
        AlertRecompute recompute = hub.bean(AlertRecompute.class);

        long t0 = System.nanoTime();
        long rows = hub.db().sql("select count(*) from (select marks from attendance_years where person_id = any(?)) m")
                .param(persons.toArray(Long[]::new)).query(Long.class).single();
        long t1 = System.nanoTime();
        AlertRecompute.Outcome batch = recompute.persons(persons, TODAY);
        long t2 = System.nanoTime();
        long all = hub.db().sql("select sum(length(marks)) from attendance_years").query(Long.class).single();
        long t3 = System.nanoTime();
        AlertRecompute.Outcome la = recompute.everyone(TODAY);
        long t4 = System.nanoTime();

        System.out.printf("%nalert recompute (same run, same database)%n");
        System.out.printf("  batch of %d pupils: %d ms (%d alerts); baseline reading their %d pupil-years: %d ms%n",
                batch.pupils(), (t2 - t1) / 1_000_000, batch.alerts(), rows, (t1 - t0) / 1_000_000);
        System.out.printf("  whole LA, %d pupils at %d schools: %d ms (%d alerts); baseline reading every "
                + "pupil-year (%d marks characters): %d ms%n", la.pupils(), la.schools(), (t4 - t3) / 1_000_000,
                la.alerts(), all, (t3 - t2) / 1_000_000);
        assertThat(batch.pupils()).isEqualTo(pupils);
        assertThat(cases(persons.get(9), "CONSECUTIVE_ABSENCE_10")).hasSize(1);
        assertThat(cases(persons.get(0), "CONSECUTIVE_ABSENCE_10")).isEmpty();
    }
}
