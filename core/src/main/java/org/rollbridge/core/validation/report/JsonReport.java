package org.rollbridge.core.validation.report;

import java.io.OutputStream;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.RecordRef;
import org.rollbridge.core.validation.ValidationReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The JSON report (docs/validation-report.schema.json): fields always present and always in the same order, so
 * scripts and the hub can rely on it. Names and year groups stay out of it; the school's HTML and CSV reports
 * carry them. Written with Jackson's streaming generator only (no data binding), which keeps core free of
 * object-mapping frameworks.
 */
public final class JsonReport implements ReportRenderer {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Indents the output, so a person can read it too. */
    private static final ObjectWriteContext INDENTED = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    @Override
    public void write(ValidationReport report, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(INDENTED, out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("files");
            for (FileReport file : report.files()) {
                file(g, file);
            }
            g.writeEndArray();
            g.writeObjectPropertyStart("summary");
            g.writeNumberProperty("errors", report.errors());
            g.writeNumberProperty("warnings", report.warnings());
            g.writeNumberProperty("files", report.files().size());
            g.writeNumberProperty("records", report.records());
            g.writeNumberProperty("records_with_errors", report.recordsWithErrors());
            g.writeStringProperty("outcome", report.outcome().label());
            g.writeNumberProperty("exit_code", report.exitCode());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void file(JsonGenerator g, FileReport file) {
        g.writeStartObject();
        g.writeStringProperty("path", file.path());
        g.writeStringProperty("kind", file.kind() == null ? null : file.kind().label());
        if (file.school() == null) {
            g.writeNullProperty("school");
        } else {
            g.writeObjectPropertyStart("school");
            g.writeStringProperty("la", file.school().la());
            g.writeStringProperty("estab", file.school().estab());
            g.writeEndObject();
        }
        g.writeNumberProperty("records", file.records());
        g.writeArrayPropertyStart("findings");
        for (Finding f : file.findings()) {
            finding(g, f);
        }
        g.writeEndArray();
        g.writeNumberProperty("errors", file.errors());
        g.writeNumberProperty("warnings", file.warnings());
        g.writeNumberProperty("records_with_errors", file.recordsWithErrors());
        g.writeStringProperty("outcome", file.outcome().label());
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) {
        g.writeStartObject();
        g.writeStringProperty("rule", f.rule().id());
        g.writeStringProperty("severity", f.severity().label());
        RecordRef r = f.record();
        g.writeObjectPropertyStart("record");
        g.writeStringProperty("upn", r.upn());
        if (r.position() == null) {
            g.writeNullProperty("position");
        } else {
            g.writeNumberProperty("position", r.position());
        }
        if (r.line() == null) {
            g.writeNullProperty("line");
        } else {
            g.writeNumberProperty("line", r.line());
        }
        g.writeEndObject();
        g.writeStringProperty("field", f.field());
        g.writeStringProperty("value", f.value());
        g.writeStringProperty("message", f.message());
        g.writeStringProperty("fix", f.fix());
        g.writeEndObject();
    }
}
