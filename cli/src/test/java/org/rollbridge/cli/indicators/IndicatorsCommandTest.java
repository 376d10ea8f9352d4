package org.rollbridge.cli.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.LookedAfter;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IndicatorsCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    // Mon 1 Sep 2025 onwards, one character per session; weekends '#'.
    static final String WEEK_PRESENT = "/\\/\\/\\/\\/\\";
    static final String WEEKEND = "####";

    @BeforeEach
    void files() throws IOException {
        CtfHeader header = new CtfHeader("Common Transfer File", "25.0", "2025-09-12T18:00:00", "full", "MIS",
                "926", "2001", "120999", "Marsh Lane Primary School", "2025", "926", "LA");
        try (OutputStream o = Files.newOutputStream(dir.resolve("school-9262001.xml"));
             CtfWriter w = new CtfWriter(o, header)) {
            // Looked after, part-time, absent on Fri 12 Sep: 2 of 20 sessions = 10%.
            w.write(pupil("B801200005001", NcYear.Y2, "2024-09-03", null,
                    WEEK_PRESENT + WEEKEND + "/\\/\\/\\/\\NN").toBuilder()
                    .lookedAfter(new LookedAfter(true, "926")).partTime(true).build());
            // Left on Fri 5 Sep with no destination, on no other roll.
            w.write(pupil("A80120000501A", NcYear.Y3, "2020-09-01", "2025-09-05", WEEK_PRESENT));
            // Joined in Year 4 on Mon 8 Sep: not the school's entry year.
            w.write(pupil("C801200005002", NcYear.Y4, "2025-09-08", null,
                    "#".repeat(10) + WEEKEND + WEEK_PRESENT));
        }
        StringBuilder csv = new StringBuilder("laestab,upn,date,session,code\n");
        for (LocalDate d = LocalDate.of(2025, 9, 1); !d.isAfter(LocalDate.of(2025, 9, 12)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() < 6) {
                csv.append("9262002,D801200005003,").append(d).append(",AM,N\n");
                csv.append("9262002,D801200005003,").append(d).append(",PM,O\n");
            }
        }
        csv.append("9262002,D801200005003,2025-09-31,AM,N\n");
        Files.writeString(dir.resolve("attendance-9262002.csv"), csv);
        Files.writeString(dir.resolve("exclusions-9262002.csv"), """
                laestab,upn,category,reason,start_date,end_date,sessions
                9262002,D801200005003,PERM,PA,2025-09-03,,
                """);
    }

    static Pupil pupil(String upn, NcYear year, String admitted, String left, String marks) {
        return Pupil.builder().upn(upn).surname("Test").forename("Pupil").ncYear(year)
                .admissionDate(RecordedDate.of(admitted)).leavingDate(RecordedDate.of(left))
                .attendance(List.of(new AttendanceYear(2025, "926", "2001", "Marsh Lane", null, null, null, null,
                        RecordedDate.of("2025-09-01"), marks)))
                .build();
    }

    int run(String... args) {
        IndicatorsCommand command = new IndicatorsCommand();
        command.clock = Clock.fixed(java.time.Instant.parse("2025-09-12T12:00:00Z"), ZoneOffset.UTC);
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void reportsEveryPupilWithTheContractsFieldsAndAlerts() {
        int code = run(dir.toString());
        assertThat(code).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.propertyNames()).containsExactly("asOf", "pupils", "summary");
        assertThat(json.get("asOf").asString()).isEqualTo("2025-09-12");    // today, from the clock

        JsonNode pupils = json.get("pupils");
        assertThat(pupils.size()).isEqualTo(4);
        JsonNode p1 = pupils.get(0);
        assertThat(p1.propertyNames()).containsExactlyElementsOf(IndicatorsOutput.PUPIL_FIELDS);
        assertThat(p1.get("upn").asString()).isEqualTo("A80120000501A");
        assertThat(p1.get("possibleSessions").asInt()).isEqualTo(10);
        assertThat(p1.get("absenceBand").isNull()).isTrue();
        assertThat(alerts(p1)).containsExactly("LEFT_NO_DESTINATION");

        JsonNode lookedAfter = pupils.get(1);
        assertThat(lookedAfter.get("upn").asString()).isEqualTo("B801200005001");
        assertThat(lookedAfter.get("possibleSessions").asInt()).isEqualTo(20);
        assertThat(lookedAfter.get("attendedSessions").asInt()).isEqualTo(18);
        assertThat(lookedAfter.get("unauthorisedSessions").asInt()).isEqualTo(2);
        assertThat(lookedAfter.get("absenceRate").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(lookedAfter.get("persistentAbsence").asBoolean()).isTrue();
        assertThat(lookedAfter.get("absenceBand").asString()).isEqualTo("10-15");
        assertThat(lookedAfter.get("currentAbsenceStreakDays").asInt()).isEqualTo(1);
        assertThat(lookedAfter.get("reducedTimetable").asBoolean()).isTrue();
        assertThat(alerts(lookedAfter)).containsExactly("PERSISTENT_ABSENCE", "REDUCED_TIMETABLE", "COHORT_ABSENCE");

        JsonNode joiner = pupils.get(2);
        assertThat(joiner.get("upn").asString()).isEqualTo("C801200005002");
        assertThat(alerts(joiner)).containsExactly("NEW_TO_ROLL_NON_STANDARD");

        JsonNode absent = pupils.get(3);
        assertThat(absent.get("laestab").asString()).isEqualTo("9262002");
        assertThat(absent.get("longestAbsenceStreakDays").asInt()).isEqualTo(10);
        assertThat(absent.get("currentUnauthorisedStreakDays").asInt()).isEqualTo(10);
        assertThat(absent.get("severeAbsence").asBoolean()).isTrue();
        assertThat(absent.get("absenceBand").asString()).isEqualTo("95-100");
        assertThat(alerts(absent)).containsExactly("CONSECUTIVE_ABSENCE_10", "CONSECUTIVE_UNAUTHORISED_10",
                "PERSISTENT_ABSENCE", "SEVERE_ABSENCE", "PERMANENT_EXCLUSION_DAY_6");

        JsonNode summary = json.get("summary");
        assertThat(summary.propertyNames()).containsExactly("pupils", "absenceRate", "persistentAbsenceRate",
                "severeAbsenceRate");
        assertThat(summary.get("pupils").asInt()).isEqualTo(4);
        assertThat(summary.get("absenceRate").decimalValue()).isEqualByComparingTo("36.67");   // 22 of 60
        assertThat(summary.get("persistentAbsenceRate").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(summary.get("severeAbsenceRate").decimalValue()).isEqualByComparingTo("50.00");

        // The bad date is reported by file and line, without the pupil's UPN.
        assertThat(err.toString()).contains("attendance-9262002.csv: line 22: date '2025-09-31' is not a date")
                .doesNotContain("D801200005003");
    }

    private static List<String> alerts(JsonNode pupil) {
        return pupil.get("alerts").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void thePeriodAndAsOfDateLimitWhatIsCounted() {
        run("--as-of", "2025-09-05", "--from", "2025-09-02", "--to", "2025-09-04",
                dir.resolve("attendance-9262002.csv").toString());
        JsonNode p = JsonMapper.builder().build().readTree(out.toString()).get("pupils").get(0);
        assertThat(p.get("possibleSessions").asInt()).isEqualTo(6);
        assertThat(p.get("absenceBand").isNull()).isTrue();
    }

    @Test
    void csvHasOneRowPerPupilWithTheSameFields() {
        assertThat(run("--format", "csv", "--as-of", "2025-09-12", dir.toString())).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(String.join(",", IndicatorsOutput.PUPIL_FIELDS));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).isEqualTo("D801200005003,9262002,20,0,0,0,20,100.00,true,true,95-100,10,10,10,"
                + "false,0,CONSECUTIVE_ABSENCE_10;CONSECUTIVE_UNAUTHORISED_10;PERSISTENT_ABSENCE;SEVERE_ABSENCE;"
                + "PERMANENT_EXCLUSION_DAY_6");
    }

    @Test
    void aFileThatCannotBeReadIsLeftOutAndTheExitCodeSaysSo() throws IOException {
        Files.writeString(dir.resolve("truncated.xml"), "<CTfile><Header><SourceSchool><LEA>926</LEA>");
        Files.writeString(dir.resolve("attendance-bad-header.csv"), "school,pupil\n1,2\n");
        int code = run("--as-of", "2025-09-12", dir.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("truncated.xml: not used")
                .contains("attendance-bad-header.csv: line 1: the header has no 'laestab' column");
        assertThat(JsonMapper.builder().build().readTree(out.toString()).get("pupils").size()).isEqualTo(4);
    }

    @Test
    void hostileFilesAreReportedAndNeverStopTheRest() throws IOException {
        Path hostile = Files.createDirectory(dir.resolve("hostile"));
        Files.write(hostile.resolve("attendance-junk.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'});
        Files.writeString(hostile.resolve("attendance-quote.csv"), "laestab,upn,date,session,code\n"
                + "9262003,E801200005004,2025-09-01,AM,N\n9262003,\"E801200005004,2025-09-01,PM,N\n");
        Files.writeString(hostile.resolve("exclusions-junk.csv"), "laestab,upn,category,reason,start_date,end_date,"
                + "sessions\n9262003,E801200005004,XXXX,??,never,,lots\n9262003,,PERM,PA,2025-09-01,,\n");
        Files.writeString(hostile.resolve("entity.xml"), "<?xml version=\"1.0\"?><!DOCTYPE CTfile [<!ENTITY x "
                + "SYSTEM \"file:///etc/passwd\">]><CTfile><Header>&x;</Header></CTfile>");
        int code = run("--as-of", "2025-09-12", hostile.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("attendance-junk.csv: line 1: from byte 0 the file is not UTF-8 text")
                .doesNotContain("attendance-junk.csv: line 1: the file is empty")
                .contains("attendance-quote.csv: line 3: a quoted field is never closed")
                .contains("exclusions-junk.csv: line 3: laestab and upn are needed")
                .contains("entity.xml: not used")
                .doesNotContain("root:");
        JsonNode pupils = JsonMapper.builder().build().readTree(out.toString()).get("pupils");
        // The one good mark is counted; the unreadable exclusion raises nothing.
        assertThat(pupils.size()).isEqualTo(1);
        assertThat(pupils.get(0).get("possibleSessions").asInt()).isEqualTo(1);
        assertThat(alerts(pupils.get(0))).isEmpty();
    }

    @Test
    void aWrongCommandLineExitsWithTwo() {
        assertThat(run("--from", "2025-10-01", "--to", "2025-09-01", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is before --from");
        assertThat(run(dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or folder");
        assertThat(run("--as-of", "12/09/2025", dir.toString())).isEqualTo(2);
    }

    @Test
    void anLasRulesAndCohortChangeTheAlerts() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.txt"), "id,enabled,threshold\nSEVERE_ABSENCE,false,\n");
        Path cohort = Files.writeString(dir.resolve("cohort.txt"), "upn\nD801200005003\n");
        run("--as-of", "2025-09-12", "--rules", rules.toString(), "--cohort", cohort.toString(),
                dir.resolve("attendance-9262002.csv").toString());
        JsonNode p = JsonMapper.builder().build().readTree(out.toString()).get("pupils").get(0);
        assertThat(alerts(p)).contains("COHORT_ABSENCE").doesNotContain("SEVERE_ABSENCE");
        assertThat(p.get("severeAbsence").asBoolean()).isTrue();    // the indicator stays; only the alert is off
    }
}
