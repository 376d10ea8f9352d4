package org.rollbridge.core.validation.report;

import java.io.IOException;
import java.io.OutputStream;
import org.rollbridge.core.validation.ValidationReport;

/** Writes a validation report in one format, UTF-8. */
public interface ReportRenderer {
    void write(ValidationReport report, OutputStream out) throws IOException;
}
