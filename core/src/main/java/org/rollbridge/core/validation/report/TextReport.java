package org.rollbridge.core.validation.report;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.ValidationReport;

/** A plain-text report for a terminal: each file, its findings in file order, and the summary. */
public final class TextReport implements ReportRenderer {

    @Override
    public void write(ValidationReport report, OutputStream out) {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (FileReport file : report.files()) {
            w.printf("%s (%s%s): %d record(s), %d error(s), %d warning(s): %s%n", file.path(),
                    file.kind() == null ? "unknown kind" : file.kind().label(),
                    file.school() == null ? "" : ", school " + file.school().label(),
                    file.records(), file.errors(), file.warnings(), file.outcome().title().toLowerCase());
            for (Finding f : file.findings()) {
                String where = SchoolView.place(f.record())
                        + (f.record().upn() == null ? "" : ", UPN " + f.record().upn());
                where = where.startsWith(", ") ? where.substring(2) : where;
                w.printf("  %-7s %-34s %s%s%n", f.severity().label(), f.rule().id(),
                        where.isEmpty() ? "" : "[" + oneLine(where) + "] ", oneLine(f.message()));
                w.printf("  %-7s %-34s fix: %s%n", "", "", oneLine(f.fix()));
            }
        }
        w.printf("%d file(s), %d record(s): %d error(s), %d warning(s). Outcome: %s.%n", report.files().size(),
                report.records(), report.errors(), report.warnings(), report.outcome().title().toLowerCase());
        w.flush();
    }

    /** Control characters from a school's values never reach the terminal. */
    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString();
    }
}
