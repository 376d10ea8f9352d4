package org.rollbridge.hub.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Making an export through its form as a user would, and opening the file it gives. */
public final class ExportFiles {

    private ExportFiles() {
    }

    /** An export made: the password shown once, the file, its SHA-256 and its rows (preamble, header, lines). */
    public record Made(String password, String link, byte[] file, String sha256, List<List<String>> rows) {

        /** The lines under the header row. */
        public List<List<String>> lines(List<String> header) {
            int at = rows.indexOf(header);
            assertThat(at).as("the header row " + header + " in " + rows).isPositive();
            return rows.subList(at + 1, rows.size());
        }

        /** The value of a preamble line ("Exported by", "Purpose", ...). */
        public String preamble(String label) {
            return rows.stream().filter(r -> r.size() > 1 && r.get(0).equals(label)).findFirst()
                    .map(r -> r.get(1)).orElseThrow(() -> new AssertionError("no line " + label + " in " + rows));
        }
    }

    /**
     * Posts the export form ({@code csrfFrom} is the page whose form gives the token), downloads the file once,
     * checks that it opens with its password only and that every cell is text, and returns it.
     */
    public static Made make(PageClient client, String path, Map<String, String> form, String csrfFrom)
            throws Exception {
        Map<String, String> posted = new HashMap<>(form);
        posted.put("_csrf", client.csrf(csrfFrom));
        HttpResponse<String> page = client.post(path, posted);
        assertStatus(200, page);
        String password = group(page.body(), "id=\"export-password\">([^<]+)<");
        String link = group(page.body(), "id=\"export-file\" href=\"([^\"]+)\"");
        HttpResponse<byte[]> file = client.download(link);
        assertStatus(200, file);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).doesNotContain(password)
                .contains(".xlsx");
        assertThatThrownBy(() -> WorkbookFactory.create(new ByteArrayInputStream(file.body())))
                .as("opened without a password").isInstanceOf(EncryptedDocumentException.class);
        assertThatThrownBy(() -> WorkbookFactory.create(new ByteArrayInputStream(file.body()), "not-the-password"))
                .as("opened with another password").isInstanceOf(EncryptedDocumentException.class);
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.body()), password)) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    // Every cell is text: nothing in an export is a formula.
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                    cells.add(cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body()));
        // Downloaded once: the link finds nothing a second time.
        assertStatus(404, client.get(link));
        return new Made(password, link, file.body(), sha256, rows);
    }

    /** A plain workbook's cells as text, as a spreadsheet shows them. */
    public static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter shown = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                            ? new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue()))
                                    .stripTrailingZeros().toPlainString() : shown.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    public static String group(String page, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(page);
        assertThat(m.find()).as(pattern).isTrue();
        return m.group(1);
    }
}
