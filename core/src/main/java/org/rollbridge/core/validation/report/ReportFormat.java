package org.rollbridge.core.validation.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import org.rollbridge.core.validation.ValidationReport;

/** The ways a validation report can be written. */
public enum ReportFormat {
    JSON(new JsonReport()),
    TEXT(new TextReport()),
    HTML(new HtmlReport()),
    CSV(new CsvReport());

    private final ReportRenderer renderer;

    ReportFormat(ReportRenderer renderer) {
        this.renderer = renderer;
    }

    public void write(ValidationReport report, OutputStream out) throws IOException {
        renderer.write(report, out);
    }

    public static Optional<ReportFormat> parse(String text) {
        for (ReportFormat f : values()) {
            if (f.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
