package org.rollbridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.agent.SchoolAgent.Result;
import org.rollbridge.core.identity.Uln;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PupilApi;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/**
 * Faults and sequences as a school lives them, with the real agent (in this JVM, or in a process of its own where
 * it is killed with SIGKILL), a real hub and PostgreSQL. Each test ends by reading the hub's records through the read
 * API and comparing them with the school's files in its drop folder ({@link SchoolFiles}). The numbers are those of
 * the problems this suite was written against (docs/agent.md, docs/hub.md): 1 a value put back, 2 a CTF's coarse
 * codes, 3 held records released by a CTF link, 4 merge order, 5 held records piling up, 6 an export not sent, 7 a
 * NUL byte, 8 a correction beyond the resend window, and 10 the same upload twice; besides, marks and exclusions
 * deleted in the MIS, the hub down with changes queued, and the agent killed with SIGKILL at each step. A hub worker dying at each step is the hub's CrashRecoveryIT's.
 * Problem 9 (the hub's alerts against core's) is AlertParityIT's; importing the same files twice is ReimportIT's.
 */
@HubTest
class FaultSequenceIT {

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

    static Path drop(Path home) {
        return home.resolve("drop");
    }

    /**
     * A school week of marks (every mark within the agent's resend window) for pupils 1 to {@code pupils}, pupil 1's
     * Monday and Tuesday with precise codes, Monday morning's given.
     */
    static AttendanceCsv week(String school, int pupils, String mondayAm) {
        AttendanceCsv csv = new AttendanceCsv().mark(school, upn(school, 1), MONDAY, "AM", mondayAm)
                .mark(school, upn(school, 1), MONDAY, "PM", "C2").mark(school, upn(school, 1), MONDAY.plusDays(1), "AM",
                        "Y3").mark(school, upn(school, 1), MONDAY.plusDays(1), "PM", "\\");
        csv.days(school, upn(school, 1), MONDAY.plusDays(2), 3, "/", "\\");
        for (int p = 2; p <= pupils; p++) {
            csv.days(school, upn(school, p), MONDAY, 5, "/", "\\");
        }
        return csv;
    }

    /** Pupils 1 to 3's marks from MONDAY for {@code days} days, pupil 2's morning of {@code changed} as {@code code}. */
    static AttendanceCsv span(String school, int days, LocalDate changed, String code) {
        AttendanceCsv csv = new AttendanceCsv();
        for (int p = 1; p <= 3; p++) {
            for (LocalDate d = MONDAY; d.isBefore(MONDAY.plusDays(days)); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    csv.mark(school, upn(school, p), d, "AM", p == 2 && d.equals(changed) ? code : "/")
                            .mark(school, upn(school, p), d, "PM", "\\");
                }
            }
        }
        return csv;
    }

    /**
     * The school's CTF: pupils 1 to 40 (every pupil its attendance files name: the hub takes marks only for pupils on
     * the school's roll) at a postcode, pupil 1 with the CTF's first letters of the week's start; {@code leavers}
     * not on it.
     */
    static CtfFixture roll(String school, String postcode, int... leavers) {
        CtfFixture ctf = CtfFixture.full(school);
        for (int p = 1; p <= 40; p++) {
            int pupilNumber = p;
            if (java.util.Arrays.stream(leavers).anyMatch(l -> l == pupilNumber)) {
                continue;
            }
            Pupil pupil = CtfFixture.pupil(upn(school, p), "Pat", "Pupil", List.of()).toBuilder()
                    .address(Address.lines(List.of("1 High Street", "Norwich"), postcode)).build();
            if (p == 1) {
                pupil = pupil.toBuilder().attendance(List.of(new AttendanceYear(2025, school.substring(0, 3),
                        school.substring(3), "Test School", 4, 3, 0, 1, RecordedDate.of(MONDAY), "CCY\\"))).build();
            }
            ctf.add(pupil);
        }
        return ctf;
    }

    static void write(Path home, String name, byte[] content) throws Exception {
        Files.write(drop(home).resolve(name), content);
    }

    /** The export saved as Latin-1 with a name the MIS holds with an accent (Zoë): not UTF-8 text. */
    static byte[] latin1(AttendanceCsv csv) {
        String text = new String(csv.bytes(), StandardCharsets.UTF_8).replace("\n", ",Zoë\n");
        return text.replaceFirst(",Zoë\n", ",forename\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<String> batchIds(String school) {
        return batchIds(hub, school);
    }

    static List<String> batchIds(RunningHub hub, String school) {
        return hub.db().sql("select client_batch_id from batches where laestab = ? order by arrival").param(school)
                .query(String.class).list();
    }

    /** Problems 1, 2, 4, 6 (a CTF cut short or in Latin-1, a CSV with an unclosed quote or in Latin-1), 7, 8 and 10. */
    @Test
    void ordinaryNightsEndWithTheHubHoldingWhatTheSchoolHolds() throws Exception {
        String school = "9266001";
        Path home = SchoolAgent.enrol(hub, proxy, work, school);
        for (int p = 1; p <= 40; p++) {
            RegisteredPerson.withUpn(upn(school, p)).in(hub);
        }
        // Night 1: the attendance file's precise codes, then the CTF's coarse ones for the same sessions (2).
        write(home, "attendance.csv", week(school, 3, "C1").bytes());
        write(home, "roll.xml", roll(school, "NR1 1AA").bytes());
        SchoolAgent.runAndSettle(hub, home, school);
        SchoolFiles.assertHubHolds(hub, drop(home), school);

        // Nights 2 and 3: a postcode and a mark changed, then put back as they were (1). The CTF still gives the
        // changed session its coarse C: whichever file merges last, the attendance file's R stands (2).
        for (String[] night : new String[][] {{"NR2 2BB", "R"}, {"NR1 1AA", "C1"}}) {
            write(home, "roll.xml", roll(school, night[0]).bytes());
            write(home, "attendance.csv", week(school, 3, night[1]).bytes());
            SchoolAgent.runAndSettle(hub, home, school);
            SchoolFiles.assertHubHolds(hub, drop(home), school);
        }

        // The same export written again unchanged: nothing new is sent (10).
        int before = batchIds(school).size();
        write(home, "attendance.csv", week(school, 3, "C1").bytes());
        SchoolAgent.runAndSettle(hub, home, school);
        assertThat(batchIds(school)).hasSize(before);

        // A CTF cut short is not sent, and the agent says so with exit code 1 (6).
        byte[] good = roll(school, "NR1 1AA").bytes();
        write(home, "roll.xml", java.util.Arrays.copyOf(good, good.length / 2));
        Result cut = SchoolAgent.run(home);
        assertThat(cut.exit()).as(cut.err()).isEqualTo(1);
        assertThat(batchIds(school)).hasSize(before);
        // A Latin-1 CTF, a CSV with a quote never closed and a Latin-1 CSV: not sent, exit code 1, the line named;
        // the hub keeps what it held (6).
        write(home, "roll.xml", new String(good, StandardCharsets.UTF_8).replace("Pupil", "Zoë")
                .getBytes(StandardCharsets.ISO_8859_1));
        Result latin1Ctf = SchoolAgent.run(home);
        assertThat(latin1Ctf.exit()).as(latin1Ctf.err()).isEqualTo(1);
        assertThat(latin1Ctf.err()).contains("roll.xml: not sent").contains("line").contains("byte");
        // The CTF exported again as it was is a new export and is sent whole (docs/agent.md), once.
        write(home, "roll.xml", good);
        SchoolAgent.runAndSettle(hub, home, school);
        assertThat(batchIds(school)).hasSize(++before);
        byte[] goodWeek = week(school, 3, "C1").bytes();
        write(home, "attendance.csv", week(school, 3, "L").raw(school + "," + upn(school, 2) + "," + MONDAY
                + ",PM,\"/").bytes());
        Result quote = SchoolAgent.run(home);
        assertThat(quote.exit()).as(quote.err()).isEqualTo(1);
        assertThat(quote.err()).contains("attendance.csv: not sent").contains("line");
        write(home, "attendance.csv", latin1(week(school, 3, "L")));
        Result latin1Csv = SchoolAgent.run(home);
        assertThat(latin1Csv.exit()).as(latin1Csv.err()).isEqualTo(1);
        assertThat(latin1Csv.err()).contains("attendance.csv: not sent").contains("line").contains("byte");
        assertThat(batchIds(school)).hasSize(before);
        write(home, "attendance.csv", goodWeek);
        SchoolFiles.assertHubHolds(hub, drop(home), school);

        // A large export, then a one-row correction sent straight after it: merged in that order (4). A NUL byte
        // in one row's field holds that row back and the rest of the file is sent (7).
        write(home, "attendance.csv", week(school, 40, "C1").bytes());
        assertThat(SchoolAgent.run(home).exit()).isZero();
        AttendanceCsv corrected = week(school, 40, "L");
        write(home, "attendance.csv", week(school, 40, "L").raw(school + "," + upn(school, 3) + ","
                + MONDAY.plusDays(3) + ",AM,\u0000/").bytes());
        SchoolAgent.runAndSettle(hub, home, school);
        write(home, "attendance.csv", corrected.bytes()); // the file less its bad row, as the hub should hold it
        SchoolFiles.assertHubHolds(hub, drop(home), school);

        // A mark corrected 30 days back, beyond the resend window, reaches the hub by reconciliation (8).
        write(home, "attendance.csv", span(school, 45, null, "/").bytes());
        SchoolAgent.runAndSettle(hub, home, school, "--reconcile-hours", "0");
        LocalDate back = MONDAY.plusDays(44 - 30);
        write(home, "attendance.csv", span(school, 45, back, "M").bytes());
        Result late = SchoolAgent.run(home, "--reconcile-hours", "0");
        assertThat(late.exit()).as(late.err()).isZero();
        assertThat(late.err()).contains("marks of pupils that differ at the hub resent");
        SchoolAgent.settle(hub, school);
        SchoolFiles.assertHubHolds(hub, drop(home), school);
        assertThat(new PupilApi(hub).marks(upn(school, 2), back, back)).containsEntry(back + " AM " + school, "M");
        assertThat(batchIds(school)).doesNotHaveDuplicates();
    }

    /** Problems 3 and 5: marks and an exclusion held for a UPN the LA does not know, released when a CTF links it. */
    @Test
    void heldRecordsAreReleasedWhenACtfLinksThePupilAndACtfResentHoldsItsUnknownPupilOnce() throws Exception {
        String school = "9266002";
        Path home = SchoolAgent.enrol(hub, proxy, work, school);
        String uln = "123456789" + Uln.checkDigit("123456789");
        String known = upn(school, 1);
        RegisteredPerson.withUpn(upn("9266009", 1)).uln(uln).in(hub); // known to the LA under another UPN
        write(home, "attendance.csv", new AttendanceCsv().days(school, known, MONDAY, 5, "/", "N").bytes());
        write(home, "exclusions.csv", ("laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id\n"
                + school + "," + known + ",SUSP,PP,2025-09-10,2025-09-11,4,EX1\n").getBytes(StandardCharsets.UTF_8));
        SchoolAgent.runAndSettle(hub, home, school);

        for (String postcode : List.of("NR1 1AA", "NR1 1AB", "NR1 1AC")) {
            Pupil linked = CtfFixture.pupil(known, "Pat", "Pupil", List.of()).toBuilder().uln(uln).build();
            Pupil stranger = CtfFixture.pupil(upn(school, 2), "Quinn", "Stranger", List.of()).toBuilder()
                    .address(Address.lines(List.of("2 Low Road"), postcode)).build();
            write(home, "roll.xml", CtfFixture.full(school).add(linked).add(stranger).bytes());
            SchoolAgent.runAndSettle(hub, home, school);
        }

        PupilApi api = new PupilApi(hub);
        assertThat(api.exclusions(known).path("exclusions")).singleElement()
                .satisfies(e -> assertThat(e.path("exclusionId").asString()).isEqualTo("EX1"));
        assertThat(hub.db().sql("select count(*) from held_records where laestab = ? and status = 'held' and upn = ?")
                .params(school, upn(school, 2)).query(Long.class).single()).isEqualTo(1);
        write(home, "roll.xml", CtfFixture.full(school).add(CtfFixture.pupil(known, "Pat", "Pupil", List.of())
                .toBuilder().uln(uln).build()).bytes());
        SchoolFiles.assertHubHolds(hub, drop(home), school);
    }

    /**
     * Marks and exclusions deleted from the school's exports are removed at the hub: the nightly reconciliation finds
     * the pupils that differ, and their resend replaces what the hub holds over the export's span.
     */
    @Test
    void marksAndExclusionsDeletedAtTheSchoolAreRemovedAtTheHub() throws Exception {
        String school = "9266005";
        Path home = onItsRoll(school);
        String ex1 = exclusion(school, 1, "2025-09-10", "2025-09-11", "EX1");
        String ex2 = exclusion(school, 2, "2025-10-01", "2025-10-02", "EX2");
        String ex3 = exclusion(school, 1, "2025-10-06", "2025-10-07", "EX3");
        write(home, "attendance.csv", span(school, 45, null, "/").bytes());
        write(home, "exclusions.csv", exclusions(ex1, ex2, ex3));
        SchoolAgent.runAndSettle(hub, home, school, "--reconcile-hours", "0");
        SchoolFiles.assertHubHolds(hub, drop(home), school);

        // Marks deleted in the MIS: pupil 2's morning 30 days back, beyond the resend window, and pupil 3's last
        // day. The export is otherwise the same, so nothing new is sent until reconciliation finds them.
        LocalDate back = MONDAY.plusDays(44 - 30);
        LocalDate last = MONDAY.plusDays(43);
        write(home, "attendance.csv", without(span(school, 45, null, "/"), school + "," + upn(school, 2) + ","
                + back + ",AM,", school + "," + upn(school, 3) + "," + last + ","));
        SchoolAgent.runAndSettle(hub, home, school, "--reconcile-hours", "0");
        SchoolFiles.assertHubHolds(hub, drop(home), school);
        assertThat(new PupilApi(hub).marks(upn(school, 2), back, back)).containsOnlyKeys(back + " PM " + school);
        assertThat(new PupilApi(hub).marks(upn(school, 3), last, last)).isEmpty();

        // Exclusions deleted in the MIS: pupil 2's only one, and one of pupil 1's two.
        write(home, "exclusions.csv", exclusions(ex1));
        SchoolAgent.runAndSettle(hub, home, school, "--reconcile-hours", "0");
        SchoolFiles.assertHubHolds(hub, drop(home), school);
        assertThat(new PupilApi(hub).exclusions(upn(school, 2)).path("exclusions")).isEmpty();
        assertThat(batchIds(school)).doesNotHaveDuplicates();
    }

    /**
     * A pupil every one of whose marks was deleted from the attendance export (still on the roll, then off it too),
     * and an exclusions export emptied of every row: no longer listed by the school, they are removed at the hub.
     */
    @Test
    void aPupilWhoseEveryMarkWasDeletedAndAnEmptiedExclusionsExportAreRemovedAtTheHub() throws Exception {
        String school = "9266006";
        Path home = onItsRoll(school);
        write(home, "attendance.csv", span(school, 45, null, "/").bytes());
        write(home, "exclusions.csv", exclusions(exclusion(school, 1, "2025-09-10", "2025-09-11", "EX1"),
                exclusion(school, 2, "2025-10-01", "2025-10-02", "EX2")));
        reconciledNight(home, school);
        LocalDate last = MONDAY.plusDays(43);

        // Every mark of pupil 3 deleted in the MIS; the pupil is still on the roll.
        write(home, "attendance.csv", without(span(school, 45, null, "/"), school + "," + upn(school, 3) + ","));
        reconciledNight(home, school);
        assertThat(new PupilApi(hub).marks(upn(school, 3), MONDAY, last)).isEmpty();

        // Every mark of pupil 2 deleted and the pupil taken off the roll: named in none of the school's files.
        write(home, "roll.xml", roll(school, "NR1 1AA", 2).bytes());
        write(home, "attendance.csv", without(span(school, 45, null, "/"), school + "," + upn(school, 3) + ",",
                school + "," + upn(school, 2) + ","));
        reconciledNight(home, school, upn(school, 2), upn(school, 3));
        assertThat(new PupilApi(hub).marks(upn(school, 2), MONDAY, last)).isEmpty();

        // Every exclusion deleted in the MIS: the export is its header alone.
        write(home, "exclusions.csv", exclusions());
        reconciledNight(home, school, upn(school, 2), upn(school, 3));
        assertThat(new PupilApi(hub).exclusions(upn(school, 1)).path("exclusions")).isEmpty();
        assertThat(new PupilApi(hub).exclusions(upn(school, 2)).path("exclusions")).isEmpty();
        assertThat(batchIds(school)).doesNotHaveDuplicates();
    }

    /**
     * A night with reconciliation: the agent runs, the hub finishes the school's batches, and it holds what the
     * school's files hold (for {@code others}, pupils in none of them: nothing).
     */
    static void reconciledNight(Path home, String school, String... others) throws Exception {
        SchoolAgent.runAndSettle(hub, home, school, "--reconcile-hours", "0");
        SchoolFiles.assertHubHolds(hub, drop(home), school, others);
    }

    /**
     * A batch that says it replaces a span is refused, with the reason, when it is a CTF or its span is not one:
     * the agent logs the hub's words and keeps the batch in its quarantine, nothing of it is merged, and what the
     * hub held is still there (the school's changes follow by reconciliation).
     */
    @Test
    void aReplacingCtfAndASpanThatIsNotOneAreRefusedWithTheirReason() throws Exception {
        String school = "9266007";
        Path home = onItsRoll(school);
        write(home, "attendance.csv", span(school, 10, null, "/").bytes());
        SchoolAgent.runAndSettle(hub, home, school, "--reconcile-hours", "0");
        int before = batchIds(school).size();
        String token = hub.credentialFor(school);
        byte[] ctf = roll(school, "NR1 1AA").bytes();
        for (String query : List.of("?replaces=2025-09-08..2025-09-19", "?kind=ctf&replaces=2025-09-08..2025-09-19")) {
            var refused = hub.send(hub.request("/api/v1/schools/" + school + "/batches" + query)
                    .header("Content-Type", "application/xml").header("Idempotency-Key", "ctf-replacing" + query.length())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(ctf)), token);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("replaces is for the attendance and exclusions feeds");
        }
        byte[] marks = span(school, 10, null, "/").bytes();
        for (String span : List.of("2025-09-19..2025-09-08", "2025-09-08", "2025-09-08..", "2025-02-30..2025-03-01",
                "", "2025-09-08..2025-09-19..2025-09-30")) {
            var refused = hub.send(hub.request("/api/v1/schools/" + school + "/batches?kind=attendance&replaces="
                    + span).header("Content-Type", "text/csv").header("Idempotency-Key", "span-" + span)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(marks)), token);
            assertThat(refused.statusCode()).as(span + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(span).contains("is not a span of days");
        }
        // scope=school goes only with an attendance batch; any other scope, or an exclusions batch, is refused.
        for (String query : List.of("kind=attendance&scope=everyone", "kind=exclusions&scope=school")) {
            var refused = hub.send(hub.request("/api/v1/schools/" + school + "/batches?replaces=2025-09-08..2025-09-19&"
                    + query).header("Content-Type", "text/csv").header("Idempotency-Key", "scope-" + query)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(marks)), token);
            assertThat(refused.statusCode()).as(query + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(query).contains("cannot be used here: send scope=school only with an "
                    + "attendance batch");
        }
        assertThat(batchIds(school)).hasSize(before);

        // The school agent's own replacing batch with a span backwards: refused, logged with the hub's words.
        AttendanceCsv deleted = new AttendanceCsv().days(school, upn(school, 1), MONDAY, 5, "/", "\\");
        Outbox outbox = new Outbox(new AgentHome(home));
        OutboxBatch backwards = outbox.add("attendance-backwards-1", Feed.ATTENDANCE, "reconciliation", 10,
                deleted.bytes(), "2025-09-19..2025-09-08");
        Result sent = SchoolAgent.run(home);
        assertThat(sent.err()).contains("The hub refused batch " + backwards.id() + " (HTTP 400)")
                .contains("is not a span of days");
        assertThat(new AgentHome(home).quarantine()).isNotEmptyDirectory();
        SchoolAgent.settle(hub, school);
        assertThat(batchIds(school)).hasSize(before).doesNotContain(backwards.id());
        SchoolFiles.assertHubHolds(hub, drop(home), school);
    }

    /**
     * An agent enrolled for the school, its pupils 1 to 40 known to the LA and on its roll by its CTF, sent: the hub
     * takes marks and exclusions only for a school's own pupils.
     */
    static Path onItsRoll(String school) throws Exception {
        Path home = SchoolAgent.enrol(hub, proxy, work, school);
        for (int p = 1; p <= 40; p++) {
            RegisteredPerson.withUpn(upn(school, p)).in(hub);
        }
        write(home, "roll.xml", roll(school, "NR1 1AA").bytes());
        SchoolAgent.runAndSettle(hub, home, school);
        return home;
    }

    /** An exclusions export with these rows. */
    static byte[] exclusions(String... rows) {
        return ("laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id\n" + String.join("", rows))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A two-day suspension of pupil {@code p}, as a row of the exclusions export. */
    static String exclusion(String school, int p, String start, String end, String id) {
        return school + "," + upn(school, p) + ",SUSP,PP," + start + "," + end + ",4," + id + "\n";
    }

    /** The export less its rows that start with any of {@code starts}: deleted in the MIS. */
    static byte[] without(AttendanceCsv csv, String... starts) {
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            if (java.util.Arrays.stream(starts).noneMatch(line::startsWith)) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Changes queued while the hub is down, then the agent killed (kill -9) mid-send and after the hub received. */
    @Test
    void changesQueuedWhileTheHubIsDownAndAnAgentKilledMidSendAreDeliveredOnceEach() throws Exception {
        String school = "9266003";
        Path home = onItsRoll(school);
        int before = batchIds(school).size();
        proxy.mode(FlakyProxy.Mode.DOWN);
        write(home, "attendance.csv", week(school, 3, "C1").bytes());
        assertThat(SchoolAgent.run(home, "--retry-attempts", "1").exit()).isEqualTo(1);
        write(home, "attendance.csv", week(school, 3, "R").bytes());
        assertThat(SchoolAgent.run(home, "--retry-attempts", "1").exit()).isEqualTo(1);

        // Killed while its request waits to reach the hub: the batch stays in the outbox.
        proxy.mode(FlakyProxy.Mode.HOLD_REQUEST);
        killWhen(home, () -> proxy.connections() > 0);
        // Killed after the hub received the first batch but before its answer came back.
        proxy.mode(FlakyProxy.Mode.HOLD_RESPONSE);
        killWhen(home, () -> !batchIds(school).isEmpty());
        proxy.mode(FlakyProxy.Mode.UP);
        SchoolAgent.runAndSettle(hub, home, school);

        assertThat(batchIds(school)).hasSize(before + 2).doesNotHaveDuplicates();
        SchoolFiles.assertHubHolds(hub, drop(home), school);
    }

    /** Runs the agent in a process of its own and kills it with SIGKILL once {@code reached} holds. */
    static void killWhen(Path home, BooleanSupplier reached) throws Exception {
        int before = proxy.connections();
        Process agent = AgentProcess.start(home.resolve("killed-" + System.nanoTime() + ".log"),
                SchoolAgent.runArguments(home, "--retry-attempts", "1"));
        try {
            for (int i = 0; i < 1200 && !(proxy.connections() > before && reached.getAsBoolean()); i++) {
                assertThat(agent.isAlive()).as("the agent is still running").isTrue();
                Thread.sleep(50);
            }
            assertThat(reached.getAsBoolean()).isTrue();
        } finally {
            agent.destroyForcibly();
            assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
