package org.rollbridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.hub.people.PersonIndex;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PupilApi;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.agent.SchoolAgent.Result;
import tools.jackson.databind.JsonNode;

/** The agent against a real hub on loopback (and the run's PostgreSQL), through a proxy that can fail. */
@HubTest
class AgentIT {

    static RunningHub hub;
    static FlakyProxy proxy;
    static Path work;
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    @BeforeAll
    static void startProxy() throws Exception {
        work = RunningHub.tempDir();
        proxy = new FlakyProxy(URI.create(hub.base()).getPort());
    }

    @AfterAll
    static void closeProxy() throws Exception {
        proxy.close();
    }

    static Result agent(String... args) {
        return SchoolAgent.agent(args);
    }

    /** A school enrolled through the proxy, with its own agent home. */
    static Path enrolled(String school) throws Exception {
        return SchoolAgent.enrol(hub, proxy, work, school);
    }

    static Result run(Path home, String... extra) {
        return SchoolAgent.run(home, extra);
    }

    static long batchesAtHub(String school) {
        return hub.db().sql("select count(*) from batches where laestab = ?").param(school).query(Long.class).single();
    }

    static List<String> batchIdsAtHub(String school) {
        return hub.db().sql("select client_batch_id from batches where laestab = ? order by received_at")
                .param(school).query(String.class).list();
    }

    static String upn(String school, int serial) {
        return Upn.compose(school.substring(0, 3), school.substring(3), 25, serial).value();
    }

    static void dropAttendance(Path home, String school, int pupils, LocalDate last, String name) throws Exception {
        AttendanceCsv csv = new AttendanceCsv();
        for (int p = 1; p <= pupils; p++) {
            LocalDate from = MONDAY.minusDays(14);
            csv.days(school, upn(school, p), from, (int) (last.toEpochDay() - from.toEpochDay()) + 1, "/", "\\");
        }
        Files.write(home.resolve("drop").resolve(name), csv.bytes());
    }

    static void dropExclusions(Path home, String school) throws Exception {
        Files.writeString(home.resolve("drop").resolve("exclusions.csv"),
                "laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id\n" + school + ","
                        + upn(school, 1) + ",SUSP,PP,2025-09-01,2025-09-02,4,EX1\n");
    }

    static long outboxFiles(Path home) throws Exception {
        Path dir = home.resolve("outbox");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".batch")).count();
        }
    }

    @Test
    void hubDownForAWhileThenUpDeliversEveryBatchExactlyOnce() throws Exception {
        String school = "9265001";
        Path home = enrolled(school);
        dropAttendance(home, school, 20, MONDAY, "attendance-mon.csv");
        dropExclusions(home, school);
        proxy.mode(FlakyProxy.Mode.DOWN);

        Result down = run(home, "--retry-attempts", "3");
        Result downAgain = run(home, "--retry-attempts", "2");

        assertThat(down.exit()).isEqualTo(1);
        assertThat(downAgain.exit()).isEqualTo(1);
        assertThat(outboxFiles(home)).isEqualTo(2);
        assertThat(batchesAtHub(school)).isZero();
        JsonNode status = AgentHome.JSON.readTree(agent("status", "--json", "--home", home.toString()).out());
        assertThat(status.path("pending")).hasSize(2);

        proxy.mode(FlakyProxy.Mode.UP);
        Result up = run(home);
        Result again = run(home);
        dropAttendance(home, school, 20, MONDAY.plusDays(1), "attendance-tue.csv");
        Result nextDay = run(home);

        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(again.exit()).isZero();
        assertThat(nextDay.exit()).isZero();
        assertThat(outboxFiles(home)).isZero();
        List<String> ids = batchIdsAtHub(school);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids.get(0)).startsWith("attendance-");
        assertThat(ids.get(1)).startsWith("exclusions-");
        long[] sizes = hub.db().sql("select size_bytes from batches where laestab = ? and client_batch_id like "
                + "'attendance-%' order by received_at").param(school).query(Long.class).list().stream()
                .mapToLong(Long::longValue).toArray();
        // Monday's window is 5 school days; Tuesday's delta is that one day.
        assertThat(sizes[1] * 4).isLessThan(sizes[0]);
        String text = agent("status", "--home", home.toString()).out();
        assertThat(text).contains("Pending batches:    0").contains("Last acknowledged:  attendance-");
    }

    @Test
    void statusSaysHowManyOfTheSchoolsRecordsTheHubHoldsAndHowManyOfTheLasQuestionsWait() throws Exception {
        String school = "9265091";
        Path home = enrolled(school);
        dropCtf(home, school, "NR1 1AA");
        runAndSettle(home, school);

        JsonNode status = AgentHome.JSON.readTree(agent("status", "--json", "--home", home.toString()).out());
        assertThat(status.path("heldAtHub").path("held").asLong()).as(status.toString()).isEqualTo(1);
        assertThat(status.path("heldAtHub").path("questionsWaiting").asLong()).isEqualTo(1);
        assertThat(agent("status", "--home", home.toString()).out())
                .contains("Held at the hub:    1 records held, 1 questions from the LA waiting for your answer");

        long held = hub.db().sql("select id from held_records where laestab = ?").param(school).query(Long.class)
                .single();
        HttpResponse<String> answered = hub.send(hub.request("/api/v1/schools/" + school + "/held-records/" + held
                + "/answer").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"new-to-la\"}")), hub.credentialFor(school));
        assertStatus(200, answered);
        assertThat(agent("status", "--home", home.toString()).out())
                .contains("Held at the hub:    1 records held, 0 questions from the LA waiting for your answer");

        proxy.mode(FlakyProxy.Mode.DOWN);
        try {
            SchoolAgent.Result offline = agent("status", "--home", home.toString());
            assertThat(offline.exit()).isZero();
            assertThat(offline.out()).contains("Held at the hub:    not known (could not ask the hub")
                    .contains("Pending batches:    0");
        } finally {
            proxy.mode(FlakyProxy.Mode.UP);
        }
    }

    /** Runs the agent once and waits until the hub has finished every batch of the school. */
    static void runAndSettle(Path home, String school) throws Exception {
        SchoolAgent.runAndSettle(hub, home, school);
    }

    static void dropCtf(Path home, String school, String postcode) throws Exception {
        Pupil pupil = CtfFixture.pupil(upn(school, 1), "Pat", "Pupil", List.of()).toBuilder()
                .address(Address.lines(List.of("1 High Street", "Norwich"), postcode)).build();
        Files.write(home.resolve("drop").resolve("roll.xml"), CtfFixture.full(school).add(pupil).bytes());
    }

    static void dropMark(Path home, String school, String code) throws Exception {
        Files.write(home.resolve("drop").resolve("attendance.csv"), new AttendanceCsv()
                .mark(school, upn(school, 1), MONDAY, "AM", code).bytes());
    }

    @Test
    void aValuePutBackToAnEarlierOneIsSentAndApplied() throws Exception {
        String school = "9265008";
        Path home = enrolled(school);
        hub.bean(PersonIndex.class).register(new PersonIndex.Person("put-back-1", upn(school, 1), List.of(), null,
                "Pat", "Pupil", LocalDate.of(2015, 3, 14), "F", null), "register", null);

        for (String postcode : List.of("NR1 1AA", "NR2 2BB", "NR1 1AA")) {
            dropCtf(home, school, postcode);
            runAndSettle(home, school);
        }
        for (String code : List.of("R", "O", "R")) {
            dropMark(home, school, code);
            runAndSettle(home, school);
        }

        assertThat(batchIdsAtHub(school)).hasSize(6).doesNotHaveDuplicates();
        assertThat(hub.db().sql("select postcode from pupils where laestab = ?").param(school)
                .query(String.class).single()).isEqualTo("NR1 1AA");
        assertThat(hub.db().sql("select old_code || '>' || new_code from mark_history where laestab = ? "
                + "order by changed_at").param(school).query(String.class).list()).endsWith("R>O", "O>R");
    }

    @Test
    void aMarkCorrectedThirtyDaysBackReachesTheHubThroughReconciliation() throws Exception {
        String school = "9265021";
        Path home = enrolled(school);
        String pupil = upn(school, 1);
        RegisteredPerson.withUpn(pupil).in(hub);
        // On the school's roll first: the hub takes marks only for the school's own pupils.
        Files.write(home.resolve("drop").resolve("roll.xml"), CtfFixture.full(school)
                .add(CtfFixture.pupil(pupil, "Pat", "Pupil", List.of())).bytes());
        LocalDate first = MONDAY.minusDays(14);
        LocalDate last = MONDAY.plusDays(25);
        LocalDate corrected = last.minusDays(30);
        Files.write(home.resolve("drop").resolve("attendance.csv"), new AttendanceCsv()
                .days(school, pupil, first, (int) (last.toEpochDay() - first.toEpochDay()) + 1, "/", "\\").bytes());
        runAndSettle(home, school);
        assertThat(reconciledDiffering(school)).as("in step after the first export").isZero();

        AttendanceCsv correction = new AttendanceCsv();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            correction.mark(school, pupil, d, "AM", d.equals(corrected) ? "I" : "/").mark(school, pupil, d, "PM", "\\");
        }
        Files.write(home.resolve("drop").resolve("attendance.csv"), correction.bytes());
        Result r = run(home, "--reconcile-hours", "0");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Reconciliation: 1 pupils compared");
        assertThat(new PupilApi(hub).marks(pupil, corrected, corrected))
                .containsEntry(corrected + " AM " + school, "I");
        assertThat(reconciledDiffering(school)).as("in step after the resend").isZero();
        assertThat(hub.signedIn("reconcile-admin", Role.LA_ADMIN).get("/schools/" + school).body())
                .contains("In step");
    }

    static long reconciledDiffering(String school) {
        return hub.db().sql("select differing from school_reconciliations where laestab = ?").param(school)
                .query(Long.class).single();
    }

    @Test
    void anExportReadAgainAfterAStopBeforeItWasRecordedIsTheBatchAlreadyWaiting() throws Exception {
        String school = "9265011";
        Path home = enrolled(school);
        dropCtf(home, school, "NR1 1AA");
        proxy.mode(FlakyProxy.Mode.DOWN);
        assertThat(run(home, "--retry-attempts", "1").exit()).isEqualTo(1);
        // The agent stopped after the batch was safely in the outbox but before it recorded the export as read.
        Files.delete(home.resolve("state").resolve("taken.json"));
        proxy.mode(FlakyProxy.Mode.UP);

        Result again = run(home);

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("already in the outbox");
        assertThat(outboxFiles(home)).isZero();
        assertThat(batchIdsAtHub(school)).singleElement().asString().startsWith("ctf-").endsWith("-1");
    }

    @Test
    void anExportThatIsNotSentEndsTheRunWithExitOneAndSaysWhereTheProblemIs() throws Exception {
        String school = "9265009";
        Path home = enrolled(school);
        Path drop = home.resolve("drop");
        byte[] ctf = CtfFixture.full(school).add(upn(school, 1)).bytes();

        Files.write(drop.resolve("roll-cut.xml"), java.util.Arrays.copyOf(ctf, ctf.length / 2));
        Result cut = run(home);
        Files.delete(drop.resolve("roll-cut.xml"));
        Files.write(drop.resolve("roll-latin1.xml"), new String(ctf, StandardCharsets.UTF_8)
                .replace("Pupil", "Zoë").getBytes(StandardCharsets.ISO_8859_1));
        Result latin1 = run(home);
        Files.delete(drop.resolve("roll-latin1.xml"));
        Files.write(drop.resolve("attendance.csv"), new AttendanceCsv().mark(school, upn(school, 1), MONDAY, "AM", "/")
                .raw(school + "," + upn(school, 2) + "," + MONDAY + ",AM,\"/").bytes());
        Result quote = run(home);
        Result nothingNew = run(home);

        assertThat(cut.exit()).as(cut.err()).isEqualTo(1);
        assertThat(cut.err()).contains("roll-cut.xml: not sent").contains("incomplete");
        assertThat(latin1.exit()).as(latin1.err()).isEqualTo(1);
        assertThat(latin1.err()).contains("roll-latin1.xml: not sent").contains("line").contains("byte");
        assertThat(quote.exit()).as(quote.err()).isEqualTo(1);
        assertThat(quote.err()).contains("attendance.csv: not sent").contains("line 3");
        assertThat(nothingNew.exit()).isZero();
        assertThat(batchesAtHub(school)).isZero();
        assertThat(agent("status", "--home", home.toString()).out()).contains("Last problem:")
                .contains("attendance.csv");
    }

    @Test
    void aNulByteInOneFieldIsAFindingOnItsRowAndTheBatchCompletes() throws Exception {
        String school = "9265010";
        String header = "laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id\n";
        String good = school + "," + upn(school, 1) + ",SUSP,PP,2025-09-01,2025-09-02,4,EX1\n";
        String nul = school + "," + upn(school, 2) + ",SUSP,VA,2025-09-03,2025-09-03,2,EX\u00002\n";

        HttpResponse<String> sent = hub.upload(school, hub.credentialFor(school), "nul-1", "exclusions",
                (header + good + nul).getBytes(StandardCharsets.UTF_8));
        assertStatus(202, sent);
        String id = RunningHub.json(sent).path("id").asString();
        JsonNode done = hub.awaitBatch("/api/v1/batches/" + id, RunningHub.ADMIN_TOKEN);
        HttpResponse<String> report = hub.send(hub.request("/api/v1/batches/" + id + "/report").GET(),
                RunningHub.ADMIN_TOKEN);

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("records").path("read").asInt()).isEqualTo(2);
        JsonNode finding = RunningHub.json(report).path("files").get(0).path("findings").get(0);
        assertThat(finding.path("rule").asString()).isEqualTo("CSV_CONTROL_CHARACTER");
        assertThat(finding.path("record").path("line").asInt()).isEqualTo(3);
        assertThat(finding.path("record").path("upn").asString()).isEqualTo(upn(school, 2));
        assertThat(finding.path("field").asString()).isEqualTo("exclusion_id");
        assertThat(finding.path("value").asString()).doesNotContain("\u0000").contains("U+0000");
    }

    @Test
    void anUploadCutOffMidBodyIsResentWithoutLossOrDuplication() throws Exception {
        String school = "9265002";
        Path home = enrolled(school);
        dropAttendance(home, school, 300, MONDAY, "attendance.csv");
        proxy.mode(FlakyProxy.Mode.CUT_REQUEST, 3000);

        Result cut = run(home, "--retry-attempts", "1");

        assertThat(cut.exit()).isEqualTo(1);
        assertThat(outboxFiles(home)).isEqualTo(1);
        assertThat(batchesAtHub(school)).isZero();

        // The hub stores the whole batch but the answer is lost, as if the agent stopped just then.
        proxy.mode(FlakyProxy.Mode.DROP_RESPONSE);
        Result lost = run(home, "--retry-attempts", "1");
        assertThat(lost.exit()).isEqualTo(1);
        assertThat(outboxFiles(home)).isEqualTo(1);
        assertThat(batchesAtHub(school)).isEqualTo(1);

        proxy.mode(FlakyProxy.Mode.UP);
        Result resumed = run(home);

        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("already received");
        assertThat(outboxFiles(home)).isZero();
        assertThat(batchesAtHub(school)).isEqualTo(1);
        String id = hub.db().sql("select id::text from batches where laestab = ?").param(school)
                .query(String.class).single();
        JsonNode done = hub.awaitBatch("/api/v1/batches/" + id, RunningHub.ADMIN_TOKEN);
        assertThat(done.path("status").asString()).isEqualTo("completed");
        // 300 pupils x 5 school days of the window x 2 sessions, all read once.
        assertThat(done.path("records").path("read").asInt()).isEqualTo(3000);
    }

    @Test
    void aCorruptedOutboxFileIsQuarantinedReportedAndNotSentAndReconciliationSendsItsMarksAgain() throws Exception {
        String school = "9265003";
        Path home = enrolled(school);
        dropAttendance(home, school, 5, MONDAY, "attendance.csv");
        proxy.mode(FlakyProxy.Mode.DOWN);
        run(home, "--retry-attempts", "1");
        Path batch;
        try (var s = Files.list(home.resolve("outbox"))) {
            batch = s.filter(p -> p.toString().endsWith(".batch")).findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(batch.toFile(), "rw")) {
            f.seek(f.length() - 5);
            f.write(0x55);
        }
        proxy.mode(FlakyProxy.Mode.UP);

        Result r = run(home);

        assertThat(r.err()).contains("quarantine").contains("checksum");
        // The damaged file is never sent; the hub lacks its marks, so reconciliation sends them in a batch of its own.
        assertThat(r.err()).contains("marks of pupils that differ at the hub resent");
        assertThat(batchesAtHub(school)).isEqualTo(1);
        assertThat(outboxFiles(home)).isZero();
        assertThat(home.resolve("quarantine").resolve(batch.getFileName())).exists();
        JsonNode status = AgentHome.JSON.readTree(agent("status", "--json", "--home", home.toString()).out());
        assertThat(status.path("quarantined").asInt()).isEqualTo(1);
    }

    @Test
    void aRevokedCredentialStopsTheAgentWithAClearMessageAndKeepsTheOutbox() throws Exception {
        String school = "9265004";
        Path home = enrolled(school);
        HttpResponse<String> revoked = hub.send(hub.request("/api/v1/admin/schools/" + school
                + "/credentials/revoke").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"laptop stolen\"}")), RunningHub.ADMIN_TOKEN);
        assertStatus(200, revoked);
        dropAttendance(home, school, 3, MONDAY, "attendance.csv");

        Result r = run(home);

        assertThat(r.exit()).isEqualTo(AgentStopped.CREDENTIAL);
        assertThat(r.err()).contains("revoked").contains("laptop stolen").contains("agent init");
        assertThat(outboxFiles(home)).isEqualTo(1);
        assertThat(batchesAtHub(school)).isZero();
        assertThat(agent("status", "--home", home.toString()).out()).contains("Last problem:").contains("revoked");
    }

    @Test
    void watchingTheDropFolderSendsEachNewExportAndStopsWhenTheCredentialIsRevoked() throws Exception {
        String school = "9265007";
        Path home = enrolled(school);
        java.util.concurrent.CompletableFuture<Result> watching = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> agent("run", "--home", home.toString(), "--poll-seconds", "1", "--settle-seconds", "0",
                        "--retry-base-ms", "20", "--retry-max-ms", "100"));
        dropAttendance(home, school, 3, MONDAY, "attendance-mon.csv");
        awaitBatches(school, 1);
        dropAttendance(home, school, 3, MONDAY.plusDays(1), "attendance-tue.csv");
        awaitBatches(school, 2);
        hub.send(hub.request("/api/v1/admin/schools/" + school + "/credentials/revoke")
                .POST(HttpRequest.BodyPublishers.noBody()), RunningHub.ADMIN_TOKEN);
        dropAttendance(home, school, 3, MONDAY.plusDays(2), "attendance-wed.csv");

        Result stopped = watching.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(stopped.exit()).isEqualTo(AgentStopped.CREDENTIAL);
        assertThat(batchesAtHub(school)).isEqualTo(2);
        assertThat(outboxFiles(home)).isEqualTo(1);
    }

    static void awaitBatches(String school, long n) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (batchesAtHub(school) < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(batchesAtHub(school)).isEqualTo(n);
    }

    @Test
    void aDryRunShowsWhatWouldBeSentAndSendsNothing() throws Exception {
        String school = "9265005";
        Path home = enrolled(school);
        dropAttendance(home, school, 4, MONDAY, "attendance.csv");
        dropExclusions(home, school);

        Result dry = agent("run", "--dry-run", "--home", home.toString());

        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("would send a new attendance batch").contains("would send a new exclusions batch")
                .contains("40 attendance records").contains("nothing was sent");
        assertThat(dry.out()).doesNotContain(upn(school, 1));
        assertThat(batchesAtHub(school)).isZero();
        assertThat(outboxFiles(home)).isZero();
        assertThat(run(home).exit()).isZero();
        assertThat(batchesAtHub(school)).isEqualTo(2);
    }

    @Test
    void pauseIsRecordedAtTheHubAndNothingIsSentUntilResume() throws Exception {
        String school = "9265006";
        Path home = enrolled(school);

        assertThat(agent("pause", "--reason", "census week", "--home", home.toString()).exit()).isZero();
        dropAttendance(home, school, 3, MONDAY, "attendance.csv");
        Result paused = run(home);
        // The hub refuses the school's batches too while it is paused.
        HttpResponse<String> direct = hub.upload(school, hub.credentialFor(school), "direct-1", "attendance",
                "laestab,upn,date,session,code\n".getBytes(StandardCharsets.UTF_8));

        assertThat(paused.exit()).isEqualTo(AgentStopped.PAUSED);
        assertThat(paused.err()).contains("agent resume");
        assertStatus(423, direct);
        assertThat(RunningHub.json(direct).path("reason").asString()).isEqualTo("school_paused");
        assertThat(batchesAtHub(school)).isZero();

        assertThat(agent("resume", "--home", home.toString()).exit()).isZero();
        assertThat(run(home).exit()).isZero();
        assertThat(batchesAtHub(school)).isEqualTo(1);
        assertThat(hub.db().sql("select paused::text || ':' || coalesce(reason, '') from school_pauses "
                + "where laestab = ? order by id").param(school).query(String.class).list())
                .containsExactly("true:census week", "false:");
    }
}
