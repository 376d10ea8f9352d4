package org.rollbridge.hub.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.alerts.AlertFollowUp;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.FixedAlertDay;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/** An alert queue exported by the LA administrator: opened with its password and not without, rows as on the page. */
@HubTest(beans = FixedAlertDay.class)
class PupilExportIT {

    static final String SCHOOL = "9262191";
    static final String QUEUE = "kind=CONSECUTIVE_ABSENCE_10&status=open&laestab=" + SCHOOL;
    static RunningHub hub;

    /** Two pupils in school a week, then absent without permission for ten school days. */
    @BeforeAll
    static void twoPupilsAbsentForTenSchoolDays() throws Exception {
        CtfFixture ctf = CtfFixture.full(SCHOOL);
        AttendanceCsv marks = new AttendanceCsv();
        for (int i = 1; i <= 2; i++) {
            String upn = CtfFixture.upn(SCHOOL, i);
            RegisteredPerson.withUpn(upn).named("Pat", "Pupil").in(hub);
            ctf.add(upn);
            marks.days(SCHOOL, upn, LocalDate.of(2025, 9, 29), 7, "/", "\\")
                    .days(SCHOOL, upn, LocalDate.of(2025, 10, 6), 12, "O", "O");
        }
        hub.school(SCHOOL).completed("ctf-export", ctf);
        hub.school(SCHOOL).completed("att-export", marks);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (hub.db().sql("select count(*) from jobs where kind = ? and status = 'queued'")
                .param(AlertFollowUp.KIND).query(Long.class).single() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void theAdministratorsExportOpensWithItsPasswordOnlyAndHoldsTheQueuesRows() throws Exception {
        PageClient admin = hub.signedIn("export-admin", Role.LA_ADMIN, Organisation.la("926"));
        String queue = admin.get("/alerts?" + QUEUE).body();
        List<String> shownCases = Pattern.compile("id=\"case-(\\d+)\"").matcher(queue).results()
                .map(m -> m.group(1)).toList();
        assertThat(shownCases).hasSize(2);
        // A pupil-level page prints a notice instead of its data; the administrator is offered the export.
        assertThat(queue).contains("id=\"print-notice\"").contains("rollbridge-no-print").contains("id=\"export-queue\"");

        HttpResponse<String> made = admin.post("/exports/alerts", Map.of("kind", "CONSECUTIVE_ABSENCE_10",
                "status", "open", "laestab", SCHOOL, "purpose", "=HYPERLINK(\"x\") attendance panel, 3 November",
                "_csrf", admin.csrf("/exports/alerts?" + QUEUE)));
        assertStatus(200, made);
        String password = group(made.body(), "id=\"export-password\">([^<]+)<");
        String link = group(made.body(), "id=\"export-file\" href=\"([^\"]+)\"");
        HttpResponse<byte[]> file = admin.download(link);
        assertStatus(200, file);
        String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();

        assertThat(disposition).doesNotContain(password).contains(".xlsx");
        assertThatThrownBy(() -> WorkbookFactory.create(new ByteArrayInputStream(file.body())))
                .isInstanceOf(EncryptedDocumentException.class);
        assertThatThrownBy(() -> WorkbookFactory.create(new ByteArrayInputStream(file.body()), "not-the-password"))
                .isInstanceOf(EncryptedDocumentException.class);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.body()), password)) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    // Every cell is text: nothing in an export is a formula.
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                    cells.add(cell.getStringCellValue());
                }
                rows.add(cells);
            }
            assertThat(rows.get(1)).containsExactly("Exported by", "export-admin (LA_ADMIN)");
            assertThat(rows.get(3)).containsExactly("Purpose", "=HYPERLINK(\"x\") attendance panel, 3 November");
            assertThat(rows.get(4).get(0)).isEqualTo("Agreement");
            int header = rows.indexOf(List.of("Case", "Person", "School (LAESTAB)", "Status", "Figure",
                    "Latest evidence", "Due", "Assigned to"));
            assertThat(rows.subList(header + 1, rows.size())).extracting(r -> r.get(0))
                    .containsExactlyElementsOf(shownCases);
            assertThat(rows.subList(header + 1, rows.size())).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(SCHOOL));
        }
        // Audited with the file's hash and the pupils, never the password; the file is there to download once.
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body()));
        List<AuditLog.Event> audited = hub.bean(AuditLog.class).search(new AuditLog.Query("export-admin",
                AuditAction.EXPORT, "export:" + sha256, null, null, 10));
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).toString()).doesNotContain(password).contains("persons ");
        assertStatus(404, admin.get(link));
    }

    @Test
    void everyOtherRoleIsRefusedTheExport() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.LA_ADMIN) {
                continue;
            }
            PageClient other = hub.signedIn("export-" + role.name().toLowerCase(), role);
            assertStatus(403, other.get("/exports/alerts?" + QUEUE));
            assertStatus(403, other.post("/exports/alerts", Map.of("kind", "CONSECUTIVE_ABSENCE_10",
                    "purpose", "curiosity", "_csrf", other.csrf("/"))));
            assertStatus(403, other.get("/exports/files/0123"));
        }
    }

    private static String group(String page, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(page);
        assertThat(m.find()).as(pattern).isTrue();
        return m.group(1);
    }
}
