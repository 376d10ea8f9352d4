package org.rollbridge.hub.exports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rollbridge.core.text.SpreadsheetCell;

/**
 * A dashboard table as its page shows it (every figure already through the page's disclosure control), and its
 * downloads: CSV, each cell neutralised against formula injection ({@link SpreadsheetCell}), and XLSX, whose first
 * lines say what the table is and where it came from. Aggregates, not pupils: not encrypted (docs/exports.md).
 */
public record AggregateTable(String id, String caption, List<String> header, List<List<String>> rows) {

    public AggregateTable {
        header = List.copyOf(header);
        rows = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toList()).toList();
    }

    public byte[] csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header.stream().map(SpreadsheetCell::safe).toList());
            for (List<String> row : rows) {
                csv.printRecord(row.stream().map(SpreadsheetCell::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The table as a workbook; {@code source} says which page and date it is from. */
    public byte[] xlsx(String source) {
        List<List<String>> preamble = new ArrayList<>();
        preamble.add(List.of("Rollbridge aggregate table", caption));
        preamble.add(List.of("From", source));
        preamble.add(List.of("Disclosure control", "As on the page: c marks a figure withheld to protect pupils."));
        return ExportWorkbook.plain(preamble, header, rows);
    }

    /** The file's name, without the extension: the page and the table. */
    public String fileName(String page) {
        return "rollbridge-" + page + "-" + id;
    }
}
