package org.rollbridge.core.validation.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rollbridge.core.text.SpreadsheetCell;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.RecordRef;
import org.rollbridge.core.validation.ValidationReport;

/**
 * The school's CSV report: one row per finding, grouped by file, rule, then pupil. Every cell goes through
 * {@link SpreadsheetCell}, so a hostile value in a school's file cannot run in the reader's spreadsheet.
 */
public final class CsvReport implements ReportRenderer {

    public static final List<String> COLUMNS = List.of("file", "rule", "severity", "upn", "forename", "surname",
            "nc_year", "position", "line", "field", "value", "message", "fix");

    @Override
    public void write(ValidationReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        csv.printRecord(COLUMNS);
        for (FileReport file : report.files()) {
            for (List<Finding> group : SchoolView.byRuleThenPupil(file).values()) {
                for (Finding f : group) {
                    RecordRef r = f.record();
                    csv.printRecord(cell(file.path()), cell(f.rule().id()), cell(f.severity().label()),
                            cell(r.upn()), cell(r.forename()), cell(r.surname()), cell(r.ncYear()),
                            cell(r.position()), cell(r.line()), cell(f.field()), cell(f.value()),
                            cell(f.message()), cell(f.fix()));
                }
            }
        }
        csv.flush();
    }

    /** The text of a cell, neutralised against spreadsheet formula injection. */
    public static String cell(Object value) {
        return SpreadsheetCell.safe(value);
    }
}
