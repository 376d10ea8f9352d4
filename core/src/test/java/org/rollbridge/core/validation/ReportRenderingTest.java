package org.rollbridge.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.core.validation.report.CsvReport;
import org.rollbridge.core.validation.report.ReportFormat;

class ReportRenderingTest {

    private static String render(ReportFormat format, ValidationReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ValidationReport hostile(Path dir) {
        var pupils = List.of(
                ValidationFixtures.clean().forename("=HYPERLINK(\"http://x\")").surname("<script>alert(1)</script>")
                        .upn("B80120000500").build(),
                ValidationFixtures.clean().upn("C801200005001").forename("Ben").ncYear(
                        org.rollbridge.core.code.NcYear.Y3).build());
        Path ctf = ValidationFixtures.write(dir, "school.xml", ValidationFixtures.ctf(ValidationFixtures.HEADER,
                pupils));
        return ValidationFixtures.validate(ctf);
    }

    @Test
    void csvNeutralisesFormulasAndGroupsByRuleThenPupil(@TempDir Path dir) throws Exception {
        String csv = render(ReportFormat.CSV, hostile(dir));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(csv.lines().findFirst()).contains(String.join(",", CsvReport.COLUMNS));
        assertThat(rows).isNotEmpty();
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
        assertThat(rows).anySatisfy(r -> assertThat(r.get("forename")).isEqualTo("'=HYPERLINK(\"http://x\")"));
        List<String> rules = rows.stream().map(r -> r.get("rule")).toList();
        // grouped: each rule's rows are contiguous, in catalogue order
        assertThat(rules).isSortedAccordingTo((a, b) -> Rule.valueOf(a).compareTo(Rule.valueOf(b)));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("rule")).isEqualTo("UPN_CHECK_LETTER");
            assertThat(r.get("upn")).isEqualTo("C801200005001");
            assertThat(r.get("nc_year")).isEqualTo("3");
            assertThat(r.get("position")).isEqualTo("2");
        });
    }

    @Test
    void htmlEscapesEveryValueAndSaysWhatHappened(@TempDir Path dir) throws Exception {
        String html = render(ReportFormat.HTML, hostile(dir));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("Held back in part").contains("UPN_CHECK_LETTER").contains("Year 3")
                .contains("How to fix it in your MIS");
        assertThat(html).doesNotContain("http://x\"").doesNotContain("src=").doesNotContain("<link");
        assertThat(html).contains("name=\"viewport\"");
    }

    @Test
    void htmlPutsEveryTableInItsOwnFocusableLabelledScrollingRegion(@TempDir Path dir) throws Exception {
        String html = render(ReportFormat.HTML, hostile(dir));

        int tables = html.split("<table", -1).length - 1;
        assertThat(tables).isPositive();
        assertThat(java.util.regex.Pattern.compile("<div class=\"rollbridge-table-scroll\" tabindex=\"0\" "
                + "role=\"region\" aria-label=\"[^\"]+\">\\s*<table").matcher(html).results().count())
                .isEqualTo(tables);
    }

    @Test
    void jsonKeepsTheContractsFieldOrder(@TempDir Path dir) throws Exception {
        String json = render(ReportFormat.JSON, hostile(dir)).replaceAll("\\s+", "");
        assertThat(json).startsWith("{\"files\":[{\"path\":");
        assertThat(json).containsSubsequence("\"path\"", "\"kind\":\"ctf\"", "\"school\":{\"la\":\"926\",\"estab\":\"2001\"}",
                "\"records\":2", "\"findings\":[{\"rule\"", "\"severity\"", "\"record\":{\"upn\"", "\"position\"",
                "\"line\"", "\"field\"", "\"value\"", "\"message\"", "\"fix\"", "\"summary\":{\"errors\"",
                "\"warnings\"");
        assertThat(json).doesNotContain("\"forename\"").doesNotContain("\"surname\"");
    }

    @Test
    void textNamesRuleAndPlace(@TempDir Path dir) throws Exception {
        String text = render(ReportFormat.TEXT, hostile(dir));
        assertThat(text).contains("UPN_FORMAT").contains("[record 1, line").contains("held back in part");
    }
}
