package org.rollbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Pupil;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code validate} in-process, as a user would, against real files; checks exit codes, JSON and schema. */
class ValidateCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        String text = Files.readString(Path.of("..", "docs", "validation-report.schema.json"));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(text, InputFormat.JSON);
    }

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }

        List<String> rules() {
            List<String> rules = new ArrayList<>();
            json().get("files").forEach(f -> f.get("findings").forEach(x -> rules.add(x.get("rule").asString())));
            return rules;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = RollbridgeCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Pupil.Builder pupil(String upn) {
        return Pupil.builder().upn(upn).surname("Okafor").forename("Amara").dob(LocalDate.of(2016, 5, 14))
                .sex(Sex.FEMALE).ethnicity(Ethnicity.BAFR).ncYear(NcYear.Y5).enrolStatus(EnrolStatus.C)
                .admissionDate(LocalDate.of(2021, 9, 1))
                .address(Address.lines(List.of("14 Cromer Road", "Norwich"), "NR6 6LY"))
                .contacts(List.of(new Contact(1, "Ms", "Okafor", "Ngozi", "PAR", true, false, null, List.of(), null)));
    }

    private Path ctf(String name, Pupil... pupils) throws Exception {
        CtfHeader header = new CtfHeader("Common Transfer File", "25.0", "2026-03-20T18:05:11", "full", "MIS",
                "926", "2001", "120999", "Marsh Lane Primary School", "2025", "926", "MMM");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CtfWriter w = new CtfWriter(out, header)) {
            for (Pupil p : pupils) {
                w.write(p);
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private void assertMatchesSchema(Run run) {
        List<Error> errors = schema.validate(run.out(), InputFormat.JSON);
        assertThat(errors).as("schema errors for %s", run.out()).isEmpty();
    }

    @Test
    void aCleanFileExitsZeroWithTheContractJson() throws Exception {
        Run run = run("validate", ctf("school.xml", pupil("B801200005001").build()).toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode file = run.json().get("files").get(0);
        assertThat(file.get("kind").asString()).isEqualTo("ctf");
        assertThat(file.get("school").get("la").asString()).isEqualTo("926");
        assertThat(file.get("school").get("estab").asString()).isEqualTo("2001");
        assertThat(file.get("records").asInt()).isEqualTo(1);
        assertThat(file.get("findings")).isEmpty();
        assertThat(run.json().get("summary").get("errors").asInt()).isZero();
        assertThat(run.json().get("summary").get("outcome").asString()).isEqualTo("accepted");
        assertMatchesSchema(run);
        // the schema is strict enough to catch a report that breaks the contract
        assertThat(schema.validate(run.out().replace("\"summary\"", "\"totals\""), InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(run.out().replace("\"kind\" : \"ctf\"", "\"kind\" : \"pdf\""),
                InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void errorsExitOneAndWarningsAlone() throws Exception {
        Run errors = run("validate", ctf("bad.xml", pupil("C801200005001").build(),
                pupil("A80120000501A").forename("Amara ").build()).toString());
        assertThat(errors.exit()).isEqualTo(1);
        assertThat(errors.rules()).contains("UPN_CHECK_LETTER", "UPN_TEMPORARY", "NAME_WHITESPACE");
        JsonNode finding = errors.json().get("files").get(0).get("findings").get(0);
        assertThat(finding.get("rule").asString()).isEqualTo("UPN_CHECK_LETTER");
        assertThat(finding.get("severity").asString()).isEqualTo("error");
        assertThat(finding.get("record").get("upn").asString()).isEqualTo("C801200005001");
        assertThat(finding.get("record").get("position").asInt()).isEqualTo(1);
        assertThat(finding.get("record").get("line").asInt()).isPositive();
        assertThat(finding.get("field").asString()).isEqualTo("UPN");
        assertThat(finding.get("value").asString()).isEqualTo("C801200005001");
        assertThat(finding.get("fix").asString()).isNotBlank();
        assertMatchesSchema(errors);

        Run warningsOnly = run("validate", ctf("warn.xml", pupil("A80120000501A").build()).toString());
        assertThat(warningsOnly.exit()).isZero();
        assertThat(warningsOnly.rules()).containsExactly("UPN_TEMPORARY");
    }

    @Test
    void hostileFilesExitTwo() throws Exception {
        Path dtd = dir.resolve("xxe.xml");
        Files.writeString(dtd, "<?xml version=\"1.0\"?>\n<!DOCTYPE CTfile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "\n<CTfile><Header><CTFversion>25.0</CTFversion></Header><CTFpupilData><Pupil><UPN>&x;</UPN>"
                + "</Pupil></CTFpupilData></CTfile>\n");
        Run run = run("validate", dtd.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.rules()).containsExactly("XML_DTD_FORBIDDEN");
        assertThat(run.out()).doesNotContain("root:");
        assertMatchesSchema(run);

        Path cut = dir.resolve("cut.xml");
        String whole = Files.readString(ctf("whole.xml", pupil("B801200005001").build()));
        Files.writeString(cut, whole.substring(0, whole.indexOf("<DOB>")));
        Run truncated = run("validate", cut.toString());
        assertThat(truncated.exit()).isEqualTo(2);
        assertThat(truncated.rules()).contains("XML_MALFORMED");
        assertThat(truncated.json().get("summary").get("outcome").asString()).isEqualTo("refused");
        assertMatchesSchema(truncated);

        Run missing = run("validate", dir.resolve("nowhere.xml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.rules()).containsExactly("FILE_UNREADABLE");
        assertThat(missing.json().get("files").get(0).get("kind").isNull()).isTrue();
        assertMatchesSchema(missing);
    }

    @Test
    void aFolderIsEveryFileInItSortedAndDuplicatesAreFoundAcrossFiles() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("la"));
        Files.writeString(folder.resolve("b-attendance.csv"), "laestab,upn,date,session,code\n"
                + "9262001,B801200005001,2025-09-01,AM,/\n9262001,B801200005001,2025-09-01,PM,?\n");
        Files.writeString(folder.resolve("c-exclusions.csv"), "laestab,upn,category,reason,start_date,end_date,"
                + "sessions\n9262001,B801200005001,SUSP,PD,2025-10-06,2025-10-07,4\n");
        Files.writeString(folder.resolve("README.txt"), "not a feed\n");
        Path first = ctf("a-school.xml", pupil("B801200005001").build());
        Files.move(first, folder.resolve("a-school.xml"));
        ctf("d-school.xml", pupil("B801200005001").forename("Ben").build());
        Files.move(dir.resolve("d-school.xml"), folder.resolve("d-school.xml"));

        Run run = run("validate", folder.toString());
        assertThat(run.exit()).isEqualTo(1);
        JsonNode files = run.json().get("files");
        assertThat(files).hasSize(4);
        List<String> kinds = new ArrayList<>();
        files.forEach(f -> kinds.add(f.get("kind").asString()));
        assertThat(kinds).containsExactly("ctf", "attendance", "exclusions", "ctf");
        assertThat(files.get(1).get("school").get("la").asString()).isEqualTo("926");
        assertThat(run.rules()).containsExactlyInAnyOrder("ATTENDANCE_CODE_UNKNOWN", "UPN_DUPLICATE");
        assertMatchesSchema(run);
    }

    @Test
    void formatsRulesAndUsageErrors() throws Exception {
        Path file = ctf("school.xml", pupil("A80120000501A").build());
        Run html = run("validate", "--format", "html", file.toString());
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("UPN_TEMPORARY").contains("Accepted");
        Run csv = run("validate", "--format", "csv", file.toString());
        assertThat(csv.out()).startsWith("file,rule,severity,upn,forename,surname,nc_year,position,line,field,value,"
                + "message,fix");
        Run text = run("validate", "--format", "TEXT", file.toString());
        assertThat(text.out()).contains("UPN_TEMPORARY");

        Path rules = dir.resolve("rules.properties");
        Files.writeString(rules, "UPN_TEMPORARY=error\n");
        Run strict = run("validate", "--rules", rules.toString(), file.toString());
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.json().get("files").get(0).get("findings").get(0).get("severity").asString())
                .isEqualTo("error");

        Files.writeString(rules, "UPN_TYPO=error\n");
        Run badRules = run("validate", "--rules", rules.toString(), file.toString());
        assertThat(badRules.exit()).isEqualTo(2);
        assertThat(badRules.err()).contains("UPN_TYPO");

        Run badFormat = run("validate", "--format", "pdf", file.toString());
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("--format");

        Run help = run("validate", "--help");
        assertThat(help.out()).contains("default: json").contains("Exit codes");
    }

    @Test
    void asOfJudgesCsvNamesAndAgesWhenTheFileHasNoDate() throws Exception {
        Path csv = dir.resolve("attendance.csv");
        Files.writeString(csv, "laestab,upn,date,session,code\n9262001,B801200005001,2025-09-01,AM,H\n",
                StandardCharsets.UTF_8);
        Run run = run("validate", "--as-of", "2026-03-20", csv.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.rules()).containsExactly("ATTENDANCE_CODE_LEGACY");
    }
}
