package org.rollbridge.hub.web;

import java.util.List;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.exports.AggregateTable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

/**
 * A dashboard table as a file: {@code /la/overview/schools.csv}, {@code /trust/headline.xlsx} and so on, the same
 * table the page shows (its id in the link under it), as CSV or XLSX.
 */
final class TableDownloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TableDownloads() {
    }

    /** Puts what the links under each table need in the model: the page's path and its tables' ids. */
    static void link(Model model, String page, List<AggregateTable> tables) {
        model.addAttribute("downloadPage", page);
        model.addAttribute("downloads", tables.stream().map(AggregateTable::id).toList());
    }

    static ResponseEntity<byte[]> file(List<AggregateTable> tables, String id, String format, String page,
                                       String source) {
        AggregateTable table = tables.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new Refusal.NotFound("This page has no table '" + id + "' to download."));
        byte[] body;
        MediaType type;
        switch (format) {
            case "csv" -> {
                body = table.csv();
                type = MediaType.parseMediaType("text/csv; charset=UTF-8");
            }
            case "xlsx" -> {
                body = table.xlsx(source);
                type = MediaType.parseMediaType(XLSX);
            }
            default -> throw new Refusal.NotFound("Tables download as .csv or .xlsx, not ." + format + ".");
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table.fileName(page) + "." + format).build().toString())
                .body(body);
    }
}
