package org.rollbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {

    private static final String HEADER =
            "id,upn,former_upns,uln,legal_forename,legal_surname,preferred_forename,preferred_surname,dob,sex,postcode\n";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = RollbridgeCommand.commandLine().execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void writesOneRowPerReadableIncomingRecordAndReportsBadRows() throws Exception {
        Path register = write("register.csv", HEADER
                + "R1,A926200112001,,,Amelia,Whitfield,,,2015-03-04,F,NR6 6LY\n"
                + "R2,,,,Oscar,Nowak,,,2014-11-20,M,NR1 1AA\n");
        Path incoming = write("incoming.csv", HEADER
                + "I1,A926200112001,,,Amelia,Whitfield,,,2015-03-04,F,NR6 6LY\n"
                + "I2,,,,Oscar,Nowak,,,2014-11-20,M,\n"
                + "I3,,,,Oscar,Nowak,,,2014-02-30,M,\n"
                + "I4,,,,Zainab,Okafor,,,2011-09-30,F,\n"
                + "I5,too,few\n");
        Run run = run("match", "--register", register.toString(), "--incoming", incoming.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "incoming_id,register_id,decision,rule,score",
                "I1,R1,link,UPN,",
                "I2,R2,link,DOB_NAME,",
                "I4,,new,,");
        assertThat(run.err()).contains("incoming.csv line 4: id I3: dob is not a date")
                .contains("incoming.csv line 6: expected 11 fields");
        // Too few records to estimate from: the default figures, said so, with a weight per level.
        assertThat(run.err()).contains("Match model (default figures)").containsPattern("dob +EXACT +[0-9.]+ +[0-9.]+ +\\+");
    }

    @Test
    void explainAndJsonCarryTheSameFields() throws Exception {
        Path register = write("register.csv", HEADER + "R1,A926200112001,,,Amelia,Whitfield,,,2015-03-04,F,\n");
        Path incoming = write("incoming.csv", HEADER + "I1,A926200112001,,,Amelia,Whitfield,,,2015-03-04,F,\n");
        Run csv = run("match", "--register", register.toString(), "--incoming", incoming.toString(), "--explain");
        assertThat(csv.out().lines().findFirst()).hasValue("incoming_id,register_id,decision,rule,score,weight_upn,"
                + "weight_uln,weight_forename,weight_surname,weight_dob,weight_sex,weight_postcode");
        assertThat(csv.out().lines().skip(1).findFirst().orElseThrow()).startsWith("I1,R1,link,UPN,,");

        Run json = run("match", "--register", register.toString(), "--incoming", incoming.toString(),
                "--format", "json", "--explain");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"incoming_id\" : \"I1\"", "\"register_id\" : \"R1\"",
                "\"decision\" : \"link\"", "\"rule\" : \"UPN\"", "\"score\" : null", "\"weight_dob\" : ");
    }

    @Test
    void unreadableFileOrWrongHeaderExitsWith2() throws Exception {
        Path register = write("register.csv", HEADER);
        Run missing = run("match", "--register", register.toString(), "--incoming", dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv").contains("cannot read");

        Path badHeader = write("incoming.csv", "id,name\nI1,x\n");
        Run wrong = run("match", "--register", register.toString(), "--incoming", badHeader.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("line 1").contains("former_upns");
        assertThat(wrong.out()).isEmpty();
    }
}
