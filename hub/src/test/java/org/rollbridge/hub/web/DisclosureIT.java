package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.PageTables.cells;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.ExportFiles;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.PageTables;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.ResponseAssertions;
import org.rollbridge.hub.testing.RunningHub;
import org.springframework.web.util.HtmlUtils;

/**
 * Secondary suppression on the dashboards: a trust of a school of 12 pupils and one of 3. The trust's 15 is shown,
 * so hiding the 3 alone would leave 15 - 12 = 3 for anyone to work out; the 12 is hidden with it.
 */
@HubTest
class DisclosureIT {

    static final String LARGE = "9262181";
    static final String SMALL = "9262182";
    static final String TRUST = "TRDISCLOSE";
    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        LocalDate monday = LocalDate.of(2025, 9, 8);
        enrol(LARGE, 12, monday, "/", "\\");
        // The small school's pupils miss every session of the week.
        enrol(SMALL, 3, monday, "N", "N");
        Organisations organisations = hub.bean(Organisations.class);
        organisations.link(LARGE, Organisation.trust(TRUST), LocalDate.of(2025, 9, 1), null);
        organisations.link(SMALL, Organisation.trust(TRUST), LocalDate.of(2025, 9, 1), null);
    }

    private static void enrol(String laestab, int pupils, LocalDate monday, String am, String pm) throws Exception {
        CtfFixture ctf = CtfFixture.full(laestab);
        AttendanceCsv marks = new AttendanceCsv();
        for (int i = 1; i <= pupils; i++) {
            String upn = CtfFixture.upn(laestab, i);
            RegisteredPerson.withUpn(upn).in(hub);
            ctf.add(upn);
            marks.days(laestab, upn, monday, 5, am, pm);
        }
        hub.school(laestab).completed("ctf-" + laestab, ctf);
        hub.school(laestab).completed("att-" + laestab, marks);
    }

    @Test
    void aLoneSmallSchoolTakesTheSmallestOtherSchoolWithItWhenTheTrustsTotalIsShown() throws Exception {
        PageClient viewer = hub.signedIn("trust-disclose", Role.TRUST_VIEWER, Organisation.trust(TRUST));

        String page = viewer.get("/trust?on=2025-09-12").body();

        // 15 pupils, 150 sessions, the small school's 30 missed: 20.0% absence, all shown.
        assertThat(page).contains("id=\"year-pupils\">15</td>").contains("id=\"year-absence\">20.0</td>");
        assertThat(cells(page, "school-" + SMALL)).containsExactly("Test School (" + SMALL + ")", "c", "c", "c", "c", "0", "0");
        assertThat(cells(page, "school-" + LARGE)).containsExactly("Test School (" + LARGE + ")", "c", "c", "c", "c", "0", "0");
        assertNoLoneSuppressedCell(page, "school-");
    }

    @Test
    void theLaOverviewGivesAwayNoSuppressedSchoolThroughItsTotalEither() throws Exception {
        PageClient analyst = hub.signedIn("analyst-disclose", Role.LA_ANALYST, Organisation.la("926"));
        PageClient officer = hub.signedIn("officer-disclose", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        String page = analyst.get("/la/overview?on=2025-09-12").body();

        assertThat(cells(page, "school-" + SMALL)).containsExactly("Test School (" + SMALL + ")", "c", "c", "c", "c", "0", "0");
        assertNoLoneSuppressedCell(page, "school-");
        // Those who may open the pupils' records see the counts themselves.
        assertThat(cells(officer.get("/la/overview?on=2025-09-12").body(), "school-" + SMALL))
                .containsExactly("Test School (" + SMALL + ")", "3", "100.0", "100.0", "100.0", "0", "0");
    }

    @Test
    void everyTableOfTheTrustOverviewDownloadsWithTheCellsThePageShows() throws Exception {
        PageClient viewer = hub.signedIn("trust-downloads", Role.TRUST_VIEWER, Organisation.trust(TRUST));

        Map<String, List<List<String>>> downloads = assertDownloadsAsShown(viewer, "/trust?on=2025-09-12");

        assertThat(downloads).containsKeys("headline", "trend", "phases", "schools");
        // The page's primary and secondary suppression, cell for cell.
        assertThat(downloads.get("schools")).contains(List.of("Test School (" + SMALL + ")", "c", "c", "c", "c", "0", "0"),
                List.of("Test School (" + LARGE + ")", "c", "c", "c", "c", "0", "0"));
    }

    @Test
    void everyTableOfTheLaOverviewDownloadsAsTheRoleSeesIt() throws Exception {
        PageClient analyst = hub.signedIn("analyst-downloads", Role.LA_ANALYST, Organisation.la("926"));
        PageClient officer = hub.signedIn("officer-downloads", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        Map<String, List<List<String>>> suppressed = assertDownloadsAsShown(analyst, "/la/overview?on=2025-09-12");
        Map<String, List<List<String>>> exact = assertDownloadsAsShown(officer, "/la/overview?on=2025-09-12");

        assertThat(suppressed).containsKeys("headline", "trend", "cohorts", "phases", "schools", "published");
        assertThat(suppressed.get("schools")).contains(List.of("Test School (" + SMALL + ")", "c", "c", "c", "c", "0", "0"));
        assertThat(exact.get("schools")).contains(List.of("Test School (" + SMALL + ")", "3", "100", "100", "100", "0", "0"));
    }

    @Test
    void theNationalTableDownloadsAsShown() throws Exception {
        PageClient dfe = hub.signedIn("dfe-downloads", Role.DFE_ANALYST, Organisation.DFE);

        assertThat(assertDownloadsAsShown(dfe, "/national?on=2025-09-12")).containsKey("phases");
    }

    @Test
    void aTableThatIsNotThereOrAnotherFormatIsNotFound() throws Exception {
        PageClient analyst = hub.signedIn("analyst-no-table", Role.LA_ANALYST, Organisation.la("926"));

        ResponseAssertions.assertStatus(404, analyst.get("/la/overview/pupils.csv"));
        ResponseAssertions.assertStatus(404, analyst.get("/la/overview/schools.pdf"));
    }

    /**
     * Downloads every table the page links as CSV and as XLSX and checks that each holds the page's rows, cell for
     * cell (the trend's weeks by their rates, its dates written as ISO dates); returns the CSV's rows by table.
     */
    static Map<String, List<List<String>>> assertDownloadsAsShown(PageClient client, String path) throws Exception {
        String page = client.get(path).body();
        Map<String, List<List<String>>> shown = PageTables.byCaption(page);
        Map<String, List<List<String>>> downloaded = new LinkedHashMap<>();
        Matcher links = Pattern.compile("id=\"download-([a-z]+)-csv\" href=\"([^\"]+)\"").matcher(page);
        while (links.find()) {
            String href = HtmlUtils.htmlUnescape(links.group(2));
            HttpResponse<byte[]> csv = client.download(href);
            ResponseAssertions.assertStatus(200, csv, href);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(
                    new String(csv.body(), StandardCharsets.UTF_8))).getRecords();
            List<String> header = records.get(0).toList();
            List<List<String>> rows = records.subList(1, records.size()).stream().map(CSVRecord::toList).toList();
            HttpResponse<byte[]> xlsx = client.download(href.replace(".csv", ".xlsx"));
            ResponseAssertions.assertStatus(200, xlsx, href + " as XLSX");
            List<List<String>> sheet = ExportFiles.cells(xlsx.body());
            String caption = sheet.get(0).get(1);
            List<List<String>> pageRows = shown.get(caption);
            assertThat(pageRows).as("the table '" + caption + "' on " + path).isNotNull();
            List<List<String>> sheetRows = sheet.subList(sheet.indexOf(header) + 1, sheet.size());
            if (links.group(1).equals("trend")) {
                assertThat(rows.stream().map(r -> r.get(1)).toList()).as(href)
                        .isEqualTo(pageRows.stream().map(r -> r.get(1)).toList());
            } else {
                assertThat(rows).as(href).isEqualTo(pageRows);
            }
            assertThat(PageTables.figures(sheetRows)).as(href + " as XLSX").isEqualTo(PageTables.figures(rows));
            downloaded.put(links.group(1), PageTables.figures(rows));
        }
        assertThat(downloaded).as("download links on " + path).isNotEmpty();
        return downloaded;
    }

    /** In every count column of a breakdown that adds up to a shown total, no cell is the only one shown as c. */
    static void assertNoLoneSuppressedCell(String page, String rowPrefix) {
        List<List<String>> rows = new ArrayList<>();
        Pattern.compile("id=\"(" + rowPrefix + "[^\"]+)\"").matcher(page).results()
                .forEach(m -> rows.add(cells(page, m.group(1))));
        for (int column : new int[] {1, 5, 6}) {
            long suppressed = rows.stream().filter(r -> r.get(column).equals("c")).count();
            assertThat(suppressed).as("column " + column + " of " + rows).isNotEqualTo(1L);
        }
    }
}
