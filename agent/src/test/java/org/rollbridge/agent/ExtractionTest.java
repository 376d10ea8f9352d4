package org.rollbridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.hub.testing.AttendanceCsv;

class ExtractionTest {

    static final String SCHOOL = "9264001";
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);
    @TempDir
    Path dir;
    AgentHome home;
    Ledgers ledgers;
    Outbox outbox;
    Extraction extraction;

    static String upn(int serial) {
        return Upn.compose("926", "4001", 25, serial).value();
    }

    @BeforeEach
    void setUp() {
        home = new AgentHome(dir.resolve("home"));
        ledgers = new Ledgers(home, SCHOOL);
        outbox = new Outbox(home);
        extraction = new Extraction(SCHOOL, 7);
    }

    /** Marks for pupils 1..n, every school day from MONDAY up to and including {@code last}. */
    static AttendanceCsv marks(int pupils, LocalDate last, String code) {
        AttendanceCsv csv = new AttendanceCsv();
        for (int p = 1; p <= pupils; p++) {
            csv.days(SCHOOL, upn(p), MONDAY.minusDays(21), (int) (last.toEpochDay() - MONDAY.minusDays(21).toEpochDay()) + 1,
                    code, code);
        }
        return csv;
    }

    Extraction.Result extract(String name, byte[] content, Feed feed) throws IOException {
        Path file = Files.write(dir.resolve(name), content);
        return extraction.extract(file, feed, ledgers, outbox.list().batches());
    }

    /** Puts the result in the outbox under a new id and has the hub acknowledge it. */
    void acknowledge(Extraction.Result r) throws IOException {
        OutboxBatch b = outbox.add(new BatchSequence(home).next(r.feed()), r.feed(), "x.csv", r.batchRecords(),
                r.content());
        ledgers.acknowledge(b, 7);
        outbox.acknowledged(b);
    }

    static List<String> lines(byte[] content) {
        return new String(content, StandardCharsets.UTF_8).lines().skip(1).toList();
    }

    @Test
    void theFirstExportSendsOnlyTheResendWindow() throws IOException {
        Extraction.Result r = extract("attendance-1.csv", marks(3, MONDAY, "/").bytes(), Feed.ATTENDANCE);

        // Window of 7 days ending Monday: Tue..Fri of the week before and Monday = 5 school days x 2 x 3 pupils.
        assertThat(r.batchRecords()).isEqualTo(30);
        assertThat(lines(r.content())).allMatch(l -> !l.contains(MONDAY.minusDays(7).toString()))
                .anyMatch(l -> l.contains(MONDAY.minusDays(6).toString()));
        assertThat(r.summary().records()).isEqualTo(3 * 16 * 2);
    }

    @Test
    void aNewDayAfterAnAcknowledgedBatchSendsOnlyThatDay() throws IOException {
        acknowledge(extract("attendance-1.csv", marks(3, MONDAY, "/").bytes(), Feed.ATTENDANCE));

        Extraction.Result next = extract("attendance-2.csv", marks(3, MONDAY.plusDays(1), "/").bytes(), Feed.ATTENDANCE);

        assertThat(next.batchRecords()).isEqualTo(6);
        assertThat(lines(next.content())).allMatch(l -> l.contains(MONDAY.plusDays(1).toString()));
    }

    @Test
    void aMarkChangedInsideTheWindowIsResentAndOneOutsideIsNot() throws IOException {
        acknowledge(extract("attendance-1.csv", marks(2, MONDAY, "/").bytes(), Feed.ATTENDANCE));
        AttendanceCsv changed = marks(2, MONDAY, "/");
        // Same file but pupil 1's Friday PM is now unauthorised, and a mark of three weeks ago changed too.
        String text = new String(changed.bytes(), StandardCharsets.UTF_8)
                .replace(SCHOOL + "," + upn(1) + "," + MONDAY.minusDays(3) + ",PM,/",
                        SCHOOL + "," + upn(1) + "," + MONDAY.minusDays(3) + ",PM,O")
                .replace(SCHOOL + "," + upn(1) + "," + MONDAY.minusDays(21) + ",AM,/",
                        SCHOOL + "," + upn(1) + "," + MONDAY.minusDays(21) + ",AM,O");

        Extraction.Result r = extract("attendance-2.csv", text.getBytes(StandardCharsets.UTF_8), Feed.ATTENDANCE);

        assertThat(lines(r.content())).containsExactly(SCHOOL + "," + upn(1) + "," + MONDAY.minusDays(3) + ",PM,O");
    }

    @Test
    void nothingChangedMeansNoBatch() throws IOException {
        acknowledge(extract("attendance-1.csv", marks(2, MONDAY, "/").bytes(), Feed.ATTENDANCE));

        Extraction.Result again = extract("attendance-1b.csv", marks(2, MONDAY, "/").bytes(), Feed.ATTENDANCE);

        assertThat(again.hasBatch()).isFalse();
        assertThat(again.summary().usable()).isTrue();
    }

    @Test
    void marksInABatchStillInTheOutboxAreNotPutInASecondBatch() throws IOException {
        Extraction.Result first = extract("attendance-1.csv", marks(2, MONDAY, "/").bytes(), Feed.ATTENDANCE);
        outbox.add(new BatchSequence(home).next(first.feed()), first.feed(), "attendance-1.csv",
                first.batchRecords(), first.content());

        Extraction.Result second = extract("attendance-2.csv", marks(2, MONDAY.plusDays(1), "/").bytes(),
                Feed.ATTENDANCE);

        assertThat(second.batchRecords()).isEqualTo(4);
        assertThat(ledgers.acknowledged(Feed.ATTENDANCE).size()).isZero();
    }

    @Test
    void everyBatchGetsANewIdFromTheDurableSequenceWhateverItsContent() throws IOException {
        BatchSequence sequence = new BatchSequence(home);
        String first = sequence.next(Feed.ATTENDANCE);
        String second = new BatchSequence(home).next(Feed.ATTENDANCE);
        String ctf = sequence.next(Feed.CTF);
        String elsewhere = new BatchSequence(new AgentHome(dir.resolve("other-home"))).next(Feed.ATTENDANCE);

        assertThat(first).matches("attendance-[0-9a-f]{12}-1");
        assertThat(second).isEqualTo(first.substring(0, first.length() - 1) + "2");
        assertThat(ctf).startsWith("ctf-").endsWith("-3");
        // Another installation (a home set up again) never reuses this one's ids.
        assertThat(elsewhere).endsWith("-1").isNotEqualTo(first);
    }

    @Test
    void theSameContentTakenAgainIsTheBatchAlreadyWaitingUnlessAnotherCameBetween() throws IOException {
        byte[] a = marks(2, MONDAY, "/").bytes();
        byte[] b = marks(2, MONDAY, "O").bytes();
        OutboxBatch first = outbox.add("attendance-x-1", Feed.ATTENDANCE, "a.csv", 1, a);

        assertThat(outbox.newestWithContent(Feed.ATTENDANCE, a)).contains(first);
        assertThat(outbox.newestWithContent(Feed.CTF, a)).isEmpty();
        outbox.add("attendance-x-2", Feed.ATTENDANCE, "b.csv", 1, b);
        assertThat(outbox.newestWithContent(Feed.ATTENDANCE, a)).isEmpty();
    }

    @Test
    void rowsWithErrorsAreHeldBackAndCountedByRule() throws IOException {
        AttendanceCsv csv = new AttendanceCsv().mark(SCHOOL, upn(1), MONDAY, "AM", "/")
                .mark(SCHOOL, "A123", MONDAY, "AM", "/")
                .mark("9999999", upn(2), MONDAY, "AM", "/")
                .mark(SCHOOL, upn(3), MONDAY, "XX", "/")
                .mark(SCHOOL, upn(4), MONDAY, "AM", "!!");

        Extraction.Result r = extract("attendance-bad.csv", csv.bytes(), Feed.ATTENDANCE);

        assertThat(r.batchRecords()).isEqualTo(1);
        assertThat(r.summary().errors()).isEqualTo(4);
        assertThat(r.summary().byRule()).containsKey("UPN_FORMAT").containsEntry("LAESTAB_MISMATCH", 1)
                .containsEntry("ATTENDANCE_SESSION", 1).containsEntry("ATTENDANCE_CODE_UNKNOWN", 1);
        assertThat(r.summary().line()).doesNotContain(upn(1)).doesNotContain("A123");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsNotSent() throws IOException {
        Extraction.Result r = extract("attendance-x.csv", "upn,date\nA,B\n".getBytes(StandardCharsets.UTF_8),
                Feed.ATTENDANCE);

        assertThat(r.hasBatch()).isFalse();
        assertThat(r.summary().fileError()).contains("laestab").contains("session");
        assertThat(r.summary().byRule()).containsKey("CSV_HEADER");
    }

    @Test
    void hostileBytesAreRefusedAsAFileNotACrash() throws IOException {
        byte[] bytes = {'l', 'a', (byte) 0xff, (byte) 0xfe, '\n', '"', 'x'};
        Extraction.Result r = extract("attendance-bin.csv", bytes, Feed.ATTENDANCE);

        assertThat(r.hasBatch()).isFalse();
        assertThat(r.summary().fileError()).contains("neither a Common Transfer File");
    }

    @Test
    void anUnclosedQuoteIsNotSentAndItsLineIsNamed() throws IOException {
        AttendanceCsv csv = new AttendanceCsv().mark(SCHOOL, upn(1), MONDAY, "AM", "/")
                .raw(SCHOOL + "," + upn(2) + "," + MONDAY + ",AM,\"/")
                .mark(SCHOOL, upn(3), MONDAY, "AM", "/");

        Extraction.Result r = extract("attendance-quote.csv", csv.bytes(), Feed.ATTENDANCE);

        assertThat(r.hasBatch()).isFalse();
        assertThat(r.summary().fileError()).contains("line 3").contains("never closed");
        assertThat(r.summary().byRule()).containsKey("CSV_QUOTING");
    }

    @Test
    void aLatin1CsvIsNotSentAndTheLineAndByteOfTheFirstBadCharacterAreNamed() throws IOException {
        String text = "laestab,upn,date,session,code,forename\n"
                + SCHOOL + "," + upn(1) + "," + MONDAY + ",AM,/,Amy\n"
                + SCHOOL + "," + upn(2) + "," + MONDAY + ",AM,/,Zoë\n";
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        int offset = text.indexOf('ë');

        Extraction.Result r = extract("attendance-latin1.csv", latin1, Feed.ATTENDANCE);

        assertThat(r.hasBatch()).isFalse();
        assertThat(r.summary().fileError()).contains("line 3").contains("byte " + offset).contains("UTF-8");
        assertThat(r.summary().byRule()).containsKey("CSV_ENCODING");
    }

    @Test
    void aControlCharacterInOneFieldHoldsBackThatRowOnly() throws IOException {
        String header = "laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id\n";
        String good = SCHOOL + "," + upn(1) + ",SUSP,PP,2025-09-01,2025-09-02,4,EX1\n";
        String nul = SCHOOL + "," + upn(2) + ",SUSP,VA,2025-09-03,2025-09-03,2,EX\u00002\n";
        String bell = SCHOOL + "," + upn(3) + ",SUSP,VA,2025-09-03,2025-09-03,2,EX3\u0007\n";

        Extraction.Result r = extract("exclusions-nul.csv", (header + good + nul + bell)
                .getBytes(StandardCharsets.UTF_8), Feed.EXCLUSIONS);

        assertThat(r.summary().usable()).isTrue();
        assertThat(lines(r.content())).containsExactly(good.strip());
        assertThat(r.summary().errors()).isEqualTo(2);
        assertThat(r.summary().byRule()).containsEntry("CSV_CONTROL_CHARACTER", 2);
    }

    @Test
    void exclusionsSendOnlyRowsNewOrChangedSinceTheLastAcknowledgedBatch() throws IOException {
        String header = "laestab,upn,category,reason,start_date,end_date,sessions,exclusion_id\n";
        String one = SCHOOL + "," + upn(1) + ",SUSP,PP,2025-09-01,2025-09-02,4,EX1\n";
        String two = SCHOOL + "," + upn(2) + ",SUSP,VA,2025-09-03,2025-09-03,2,EX2\n";
        acknowledge(extract("exclusions-1.csv", (header + one + two).getBytes(StandardCharsets.UTF_8),
                Feed.EXCLUSIONS));
        String twoLonger = SCHOOL + "," + upn(2) + ",SUSP,VA,2025-09-03,2025-09-04,4,EX2\n";
        String three = SCHOOL + "," + upn(3) + ",PERM,DA,2025-09-05,,,EX3\n";

        Extraction.Result r = extract("exclusions-2.csv", (header + one + twoLonger + three)
                .getBytes(StandardCharsets.UTF_8), Feed.EXCLUSIONS);

        assertThat(lines(r.content())).containsExactly(twoLonger.strip(), three.strip());
    }

    @Test
    void aCtfIsSentWholeAndABrokenOneIsNot() throws Exception {
        byte[] ctf = org.rollbridge.hub.testing.CtfFixture.full(SCHOOL).add(upn(1)).add(upn(2)).bytes();
        Extraction.Result r = extract("roll.xml", ctf, Feed.CTF);
        assertThat(r.content()).isEqualTo(ctf);
        assertThat(r.batchRecords()).isEqualTo(2);

        byte[] cut = java.util.Arrays.copyOf(ctf, ctf.length / 2);
        Extraction.Result broken = extract("roll-cut.xml", cut, Feed.CTF);
        assertThat(broken.hasBatch()).isFalse();
        assertThat(broken.summary().fileError()).contains("incomplete");
        assertThat(broken.summary().byRule()).containsKey("XML_MALFORMED");
    }

    @Test
    void theLedgerHoldsNoPupilIdentifiers() throws IOException {
        acknowledge(extract("attendance-1.csv", marks(2, MONDAY, "/").bytes(), Feed.ATTENDANCE));
        byte[] ledger = Files.readAllBytes(home.ledgers().resolve("attendance.ledger"));
        assertThat(new String(ledger, StandardCharsets.ISO_8859_1)).doesNotContain(upn(1).substring(1, 10));
        try (InputStream in = Files.newInputStream(home.ledgers().resolve("attendance.ledger"))) {
            assertThat(in.readAllBytes()).hasSize(8 + 20 * 2 * 5 * 2);
        }
    }
}
