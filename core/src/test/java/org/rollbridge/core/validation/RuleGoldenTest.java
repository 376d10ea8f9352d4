package org.rollbridge.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.core.validation.ValidationFixtures.ATTENDANCE_HEADER;
import static org.rollbridge.core.validation.ValidationFixtures.ATTENDANCE_ROW_AM;
import static org.rollbridge.core.validation.ValidationFixtures.ATTENDANCE_ROW_PM;
import static org.rollbridge.core.validation.ValidationFixtures.EXCLUSIONS_HEADER;
import static org.rollbridge.core.validation.ValidationFixtures.EXCLUSION_ROW;
import static org.rollbridge.core.validation.ValidationFixtures.HEADER;
import static org.rollbridge.core.validation.ValidationFixtures.MARKS;
import static org.rollbridge.core.validation.ValidationFixtures.clean;
import static org.rollbridge.core.validation.ValidationFixtures.ctf;
import static org.rollbridge.core.validation.ValidationFixtures.header;
import static org.rollbridge.core.validation.ValidationFixtures.parent;
import static org.rollbridge.core.validation.ValidationFixtures.year;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenNeed;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.FsmPeriod;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RankedNeed;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.pupil.SenProvisionPeriod;

/**
 * One failing and one passing case for every rule in the catalogue, each run through the whole validator as a
 * real file (CTFs written by the CTF writer, CSVs as text). A rule added to the catalogue without a case here
 * fails {@link #everyRuleHasAGoldenCase()}.
 */
class RuleGoldenTest {

    /** Makes the file(s) for a case in a temporary folder; returns the paths to validate. */
    interface Input extends Function<Path, List<Path>> {
    }

    record Case(Rule rule, Input failing, Input passing) {
        @Override
        public String toString() {
            return rule.id();
        }
    }

    static Input pupils(Pupil... pupils) {
        return dir -> List.of(ValidationFixtures.write(dir, "school.xml", ctf(HEADER, List.of(pupils))));
    }

    static Input pupil(UnaryOperator<Pupil.Builder> change) {
        return pupils(change.apply(clean()).build());
    }

    static Input xml(String text) {
        return dir -> List.of(ValidationFixtures.write(dir, "school.xml", text));
    }

    static Input file(String name, String text) {
        return dir -> List.of(ValidationFixtures.write(dir, name, text));
    }

    static Input attendance(String... rows) {
        return file("attendance.csv", ATTENDANCE_HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    /** The same file saved as Latin-1, as a spreadsheet does unless told otherwise. */
    static Input latin1(Input utf8) {
        return dir -> utf8.apply(dir).stream().map(path -> {
            try {
                String text = java.nio.file.Files.readString(path, java.nio.charset.StandardCharsets.UTF_8);
                return java.nio.file.Files.writeString(path, text, java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    static Input exclusions(String... rows) {
        return file("exclusions.csv", EXCLUSIONS_HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    static Case ctfCase(Rule rule, UnaryOperator<Pupil.Builder> failing) {
        return new Case(rule, pupil(failing), pupil(b -> b));
    }

    static Case ctfCase(Rule rule, UnaryOperator<Pupil.Builder> failing, UnaryOperator<Pupil.Builder> passing) {
        return new Case(rule, pupil(failing), pupil(passing));
    }

    static final String GOOD_CTF = ctf(HEADER, List.of(clean().build()));

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case(Rule.FILE_UNREADABLE, dir -> List.of(dir.resolve("not-there.xml")), xml(GOOD_CTF)));
        c.add(new Case(Rule.FILE_KIND_UNKNOWN, file("notes.txt", "Dear LA, please find the pupils attached.\n"),
                xml(GOOD_CTF)));
        c.add(new Case(Rule.FILE_TOO_LARGE, xml(GOOD_CTF.replace("<Surname>Okafor</Surname>",
                "<Surname>" + "x".repeat(70_000) + "</Surname>")), xml(GOOD_CTF)));
        c.add(new Case(Rule.XML_MALFORMED, xml(GOOD_CTF.substring(0, GOOD_CTF.indexOf("<DOB>") + 8)),
                xml(GOOD_CTF)));
        c.add(new Case(Rule.XML_DTD_FORBIDDEN, xml(GOOD_CTF.replace("<CTfile>",
                "<!DOCTYPE CTfile [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<CTfile>")
                .replace("<Forename>Amara</Forename>", "<Forename>&xxe;</Forename>")), xml(GOOD_CTF)));
        c.add(new Case(Rule.CTF_HEADER_MISSING, xml(GOOD_CTF.replaceAll("(?s)<Header>.*</Header>", "")),
                xml(GOOD_CTF)));
        c.add(new Case(Rule.CTF_VERSION_UNKNOWN, xml(ctf(header("12.0", "926", "2001"), List.of(clean().build()))),
                xml(GOOD_CTF)));
        c.add(new Case(Rule.CTF_SCHOOL_MISMATCH, xml(ctf(header("25.0", "92", "2001"), List.of(clean().build()))),
                xml(GOOD_CTF)));
        c.add(new Case(Rule.CSV_HEADER, file("attendance.csv", "laestab,upn,date,session,mark\n"
                + "9262001,B801200005001,2025-09-01,AM,/\n"), attendance(ATTENDANCE_ROW_AM)));
        c.add(new Case(Rule.CSV_QUOTING, attendance(ATTENDANCE_ROW_AM, "9262001,\"B801200005001,2025-09-01,PM,\\"),
                attendance(ATTENDANCE_ROW_AM, "9262001,\"B801200005001\",2025-09-01,PM,\\")));
        c.add(new Case(Rule.CSV_ENCODING, latin1(attendance(ATTENDANCE_ROW_AM.replace("Amara", "Zoë"))),
                attendance(ATTENDANCE_ROW_AM.replace("Amara", "Zoë"))));
        c.add(new Case(Rule.CSV_CONTROL_CHARACTER, exclusions(EXCLUSION_ROW.replace(",4", ",4\u0000")),
                exclusions(EXCLUSION_ROW)));
        c.add(new Case(Rule.CSV_FIELD_COUNT, attendance(ATTENDANCE_ROW_AM + ",extra"), attendance(ATTENDANCE_ROW_AM)));
        c.add(new Case(Rule.LAESTAB_MISMATCH, attendance(ATTENDANCE_ROW_AM, ATTENDANCE_ROW_PM.replace("9262001",
                "9262002")), attendance(ATTENDANCE_ROW_AM, ATTENDANCE_ROW_PM)));

        c.add(ctfCase(Rule.UPN_MISSING, b -> b.upn(null)));
        c.add(ctfCase(Rule.UPN_FORMAT, b -> b.upn("B80120000500")));
        c.add(ctfCase(Rule.UPN_CHECK_LETTER, b -> b.upn("C801200005001")));
        c.add(ctfCase(Rule.UPN_TEMPORARY, b -> b.upn("A80120000501A").formerUpns(List.of())));
        c.add(new Case(Rule.UPN_DUPLICATE, pupils(clean().build(), clean().forename("Ben").build()),
                pupils(clean().build(), clean().forename("Ben").upn("P80120000501B").build())));
        c.add(ctfCase(Rule.FORMER_UPN_INVALID, b -> b.formerUpns(List.of("B80120000500"))));
        c.add(ctfCase(Rule.ULN_INVALID, b -> b.uln("9276308687")));
        c.add(ctfCase(Rule.NAME_MISSING, b -> b.surname(null)));
        c.add(ctfCase(Rule.NAME_WHITESPACE, b -> b.forename("Amara ").surname("Oka  for"),
                b -> b.forename("Amara").surname("Oka for")));
        c.add(ctfCase(Rule.NAME_CHARACTERS, b -> b.forename("Am4ra!"), b -> b.forename("Zoë-Anne O'Neil")));
        c.add(ctfCase(Rule.DOB_MISSING, b -> b.dob((RecordedDate) null)));
        c.add(ctfCase(Rule.DOB_INVALID, b -> b.dob(RecordedDate.of("2016-02-30"))));
        c.add(ctfCase(Rule.DOB_IMPLAUSIBLE, b -> b.dob(LocalDate.of(2025, 1, 1)),
                b -> b.dob(LocalDate.of(2023, 1, 1)).ncYear(NcYear.X)));
        c.add(ctfCase(Rule.DOB_YEAR_GROUP_MISMATCH, b -> b.ncYear(NcYear.Y3)));
        c.add(ctfCase(Rule.SEX_INVALID, b -> b.sex(Coded.of(Sex.class, "Q")), b -> b.sex(Sex.MALE)));
        c.add(ctfCase(Rule.ETHNICITY_CODE, b -> b.ethnicity(Coded.of(org.rollbridge.core.code.Ethnicity.class,
                "WXYZ"))));
        c.add(ctfCase(Rule.SEN_PROVISION_CODE, b -> b.senProvisions(List.of(new SenProvisionPeriod(
                RecordedDate.of("2025-02-03"), null, Coded.of(SenProvision.class, "Z"))))));
        c.add(ctfCase(Rule.SEN_NEED_CODE, b -> b.senNeeds(List.of(new RankedNeed(Coded.of(SenNeed.class, "FOO"),
                1)))));
        c.add(ctfCase(Rule.NC_YEAR_CODE, b -> b.ncYear(Coded.of(NcYear.class, "15"))));
        c.add(ctfCase(Rule.ENROL_STATUS_CODE, b -> b.enrolStatus(Coded.of(
                org.rollbridge.core.code.EnrolStatus.class, "Q"))));
        c.add(ctfCase(Rule.POSTCODE_MISSING, b -> b.address(Address.bs7666("14", "Cromer Road", "Norwich",
                "Norfolk", "Norwich", null))));
        c.add(ctfCase(Rule.POSTCODE_FORMAT, b -> b.address(Address.lines(List.of("14 Cromer Road"), "NR6 6L")),
                b -> b.address(Address.lines(List.of("14 Cromer Road"), "nr66ly"))));
        c.add(ctfCase(Rule.DATE_INVALID, b -> b.fsmHistory(List.of(new FsmPeriod(RecordedDate.of("2024-13-01"),
                null, "ENG")))));
        c.add(ctfCase(Rule.ADMISSION_DATE_MISSING, b -> b.admissionDate((RecordedDate) null)));
        c.add(ctfCase(Rule.ADMISSION_DATE_FUTURE, b -> b.admissionDate(LocalDate.of(2026, 6, 1))
                .attendance(List.of())));
        c.add(ctfCase(Rule.LEAVING_BEFORE_ADMISSION, b -> b.leavingDate(LocalDate.of(2020, 7, 20)),
                b -> b.leavingDate(LocalDate.of(2026, 7, 20))));
        c.add(ctfCase(Rule.CONTACT_MISSING, b -> b.contacts(List.of())));
        c.add(ctfCase(Rule.CONTACT_NO_PARENTAL_RESPONSIBILITY, b -> b.contacts(List.of(parent(false)))));
        c.add(ctfCase(Rule.ATTENDANCE_CODE_UNKNOWN, b -> b.attendance(List.of(year(MARKS.replace('N', '?'),
                17, 2, 15, 0)))));
        c.add(ctfCase(Rule.ATTENDANCE_CODE_LEGACY, b -> b.attendance(List.of(year(MARKS.replace('N', 'H'),
                18, 3, 15, 0)))));
        c.add(ctfCase(Rule.ATTENDANCE_MARKS_LENGTH, b -> b.attendance(List.of(year(MARKS + "/", 19, 2, 16, 1)))));
        c.add(ctfCase(Rule.ATTENDANCE_SUMMARY_MISMATCH, b -> b.attendance(List.of(year(MARKS, 20, 2, 15, 1)))));
        c.add(ctfCase(Rule.ATTENDANCE_DATE_OUTSIDE_ROLL, b -> b.admissionDate(LocalDate.of(2025, 9, 5)),
                b -> b.admissionDate(LocalDate.of(2025, 9, 1))));
        c.add(new Case(Rule.ATTENDANCE_DUPLICATE_SESSION, attendance(ATTENDANCE_ROW_AM, ATTENDANCE_ROW_AM),
                attendance(ATTENDANCE_ROW_AM, ATTENDANCE_ROW_PM)));
        c.add(new Case(Rule.ATTENDANCE_SESSION, attendance(ATTENDANCE_ROW_AM.replace(",AM,", ",XM,")),
                attendance(ATTENDANCE_ROW_AM.replace(",AM,", ", am ,"))));
        c.add(new Case(Rule.ATTENDANCE_DATE, attendance(ATTENDANCE_ROW_AM.replace("2025-09-01", "2025-02-30")),
                attendance(ATTENDANCE_ROW_AM.replace("2025-09-01", "01/09/2025"))));
        c.add(new Case(Rule.EXCLUSION_CODE, exclusions(EXCLUSION_ROW.replace("SUSP", "ZZZZ")),
                exclusions(EXCLUSION_ROW.replace("SUSP", "FIXD"))));
        c.add(new Case(Rule.EXCLUSION_REASON_CODE, exclusions(EXCLUSION_ROW.replace(",PD,", ",QQ,")),
                exclusions(EXCLUSION_ROW)));
        c.add(new Case(Rule.EXCLUSION_DATES, exclusions(EXCLUSION_ROW.replace("2025-10-07", "2025-10-01")),
                exclusions(EXCLUSION_ROW)));
        c.add(new Case(Rule.EXCLUSION_SESSIONS, exclusions(EXCLUSION_ROW.replace(",4", ",9")),
                exclusions(EXCLUSION_ROW)));
        return c;
    }

    static Stream<Case> goldenCases() {
        return cases().stream();
    }

    private static Set<Rule> rulesFound(ValidationReport report) {
        return report.files().stream().flatMap(f -> f.findings().stream()).map(Finding::rule)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
    }

    @ParameterizedTest(name = "{0} is found in its failing case")
    @MethodSource("goldenCases")
    void failingCaseIsFound(Case golden, @TempDir Path dir) {
        ValidationReport report = ValidationFixtures.validate(golden.failing().apply(dir).toArray(Path[]::new));
        assertThat(rulesFound(report)).contains(golden.rule());
        Finding finding = report.files().stream().flatMap(f -> f.findings().stream())
                .filter(f -> f.rule() == golden.rule()).findFirst().orElseThrow();
        assertThat(finding.severity()).isEqualTo(golden.rule().defaultSeverity());
        assertThat(finding.message()).isNotBlank().doesNotContain("{0}", "{1}");
        assertThat(finding.fix()).isEqualTo(golden.rule().fix());
        if (golden.rule().scope() == Rule.Scope.UNREADABLE) {
            assertThat(report.exitCode()).isEqualTo(ValidationReport.UNREADABLE);
        } else if (golden.rule().defaultSeverity() == Severity.ERROR) {
            assertThat(report.exitCode()).isEqualTo(ValidationReport.ERRORS);
        }
    }

    @ParameterizedTest(name = "{0} is not found in its passing case")
    @MethodSource("goldenCases")
    void passingCaseIsClean(Case golden, @TempDir Path dir) {
        ValidationReport report = ValidationFixtures.validate(golden.passing().apply(dir).toArray(Path[]::new));
        assertThat(rulesFound(report)).doesNotContain(golden.rule());
        assertThat(report.exitCode()).isNotEqualTo(ValidationReport.UNREADABLE);
    }

    @Test
    void aDualRegisteredPupilInTwoSchoolsFilesIsNoDuplicateButTwiceInOneFileIs(@TempDir Path dir) {
        Pupil main = clean().enrolStatus(org.rollbridge.core.code.EnrolStatus.M).build();
        Pupil subsidiary = clean().enrolStatus(org.rollbridge.core.code.EnrolStatus.S).build();
        Path first = ValidationFixtures.write(dir, "main.xml", ctf(HEADER, List.of(main)));
        Path second = ValidationFixtures.write(dir, "subsidiary.xml", ctf(header("25.0", "926", "2002"),
                List.of(subsidiary)));
        assertThat(rulesFound(ValidationFixtures.validate(first, second))).doesNotContain(Rule.UPN_DUPLICATE);
        Path single = ValidationFixtures.write(dir, "single.xml", ctf(header("25.0", "926", "2003"),
                List.of(clean().build())));
        assertThat(rulesFound(ValidationFixtures.validate(first, single))).contains(Rule.UPN_DUPLICATE);
        Path both = ValidationFixtures.write(dir, "both.xml", ctf(HEADER, List.of(main, subsidiary)));
        assertThat(rulesFound(ValidationFixtures.validate(both))).contains(Rule.UPN_DUPLICATE);
    }

    @Test
    void everyRuleHasAGoldenCase() {
        Set<Rule> covered = cases().stream().map(Case::rule).collect(Collectors.toSet());
        assertThat(EnumSet.allOf(Rule.class)).allSatisfy(rule -> assertThat(covered)
                .as("golden case for %s", rule).contains(rule));
        assertThat(cases()).extracting(Case::rule).doesNotHaveDuplicates();
    }

    @Test
    void theCleanFixturesBreakNoRuleAtAll(@TempDir Path dir) {
        ValidationReport report = ValidationFixtures.validate(
                ValidationFixtures.write(dir, "school.xml", GOOD_CTF),
                attendance(ATTENDANCE_ROW_AM, ATTENDANCE_ROW_PM).apply(dir).get(0),
                exclusions(EXCLUSION_ROW).apply(dir).get(0));
        assertThat(report.files()).hasSize(3);
        assertThat(report.files()).allSatisfy(f -> assertThat(f.findings()).isEmpty());
        assertThat(report.exitCode()).isZero();
        assertThat(report.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(report.records()).isEqualTo(4);
    }
}
