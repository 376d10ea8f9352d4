package org.rollbridge.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.rollbridge.core.validation.RuleSettings;
import org.rollbridge.core.validation.ValidationReport;
import org.rollbridge.core.validation.Validator;
import org.rollbridge.core.validation.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./rollbridge validate}: checks CTF, attendance and exclusions files and reports what to fix. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks Common Transfer Files (XML), attendance and exclusions CSVs, or folders of them, against",
            "the validation rules (docs/validation-rules.md) and reports what to fix in the school's MIS."},
        footer = {"",
            "Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 a file could not be read at all.",
            "The JSON report is described by docs/validation-report.schema.json."})
public final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "json|text|html|csv", defaultValue = "json",
            description = "Report format (default: ${DEFAULT-VALUE}; JSON so scripts get a stable result). "
                    + "html and csv are the school's report, grouped by rule then pupil.")
    String format;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The date to judge ages and future dates by (YYYY-MM-DD) when a file has no date of "
                    + "its own; a CTF's header DateTime wins. Default: today.")
    LocalDate asOf;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rule severities: a properties file of RULE_ID=error|warning|off lines. Default: the "
                    + "file named by $" + RuleSettings.ENVIRONMENT_VARIABLE + ", else the catalogue's severities.")
    Path rules;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "A CTF XML file, an attendance or exclusions CSV, or a folder of them.")
    List<Path> paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    public ValidateCommand() {
        this(Clock.systemDefaultZone());
    }

    ValidateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat reportFormat = ReportFormat.parse(format).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--format must be json, text, html or csv, not '" + format + "'"));
        RuleSettings settings;
        try {
            settings = RuleSettings.resolve(rules, System.getenv());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rules: " + e.getMessage());
        }
        ValidationReport report = new Validator(settings, asOf, clock).validate(paths);
        OutputStream buffered = new BufferedOutputStream(new WriterOutputStream(spec.commandLine().getOut()), 1 << 16);
        reportFormat.write(report, buffered);
        buffered.flush();
        return report.exitCode();
    }

    /** picocli's out is a PrintWriter (tests capture it); the renderers write UTF-8 bytes. */
    private static final class WriterOutputStream extends OutputStream {
        private final java.io.PrintWriter writer;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        WriterOutputStream(java.io.PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() {
            writer.write(pending.toString(java.nio.charset.StandardCharsets.UTF_8));
            pending.reset();
            writer.flush();
        }
    }
}
