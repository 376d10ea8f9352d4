package org.rollbridge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Outcome;
import org.rollbridge.core.validation.Rule;
import org.rollbridge.core.validation.RuleSettings;
import org.rollbridge.core.validation.Validator;

/**
 * Turns one export from the drop folder into at most one batch's content: a CTF whole (the full roll); of an
 * attendance CSV, the marks dated within the resend window that are new or changed since what the hub
 * acknowledged; of an exclusions CSV, the rows new or changed. It changes nothing, so a dry run can use it; the
 * batch gets its id ({@link BatchSequence}) when it is put in the outbox.
 */
public final class Extraction {

    private final String school;
    private final int resendDays;
    private final RuleSettings rules;

    public Extraction(String school, int resendDays) {
        this(school, resendDays, RuleSettings.defaults());
    }

    /** {@code rules}: the LA's rule severities, so the school's checks agree with the hub's. */
    public Extraction(String school, int resendDays, RuleSettings rules) {
        this.school = school;
        this.resendDays = resendDays;
        this.rules = rules;
    }

    /** What an export yields: the validation summary, and the batch content when there is something to send. */
    public record Result(Feed feed, ValidationSummary summary, byte[] content, int batchRecords) {
        public boolean hasBatch() {
            return content != null;
        }
    }

    public Result extract(Path file, Feed feed, Ledgers ledgers, List<OutboxBatch> pending) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        String at = Instant.now().toString();
        FileReport report = new Validator(rules, null, Clock.systemDefaultZone()).validateFile(file, name);
        if (feed == Feed.CTF) {
            return ctf(name, at, bytes, report);
        }
        CsvExport export = CsvExport.read(feed, name, bytes, school, at, report);
        if (!export.summary().usable()) {
            return new Result(feed, export.summary(), null, 0);
        }
        RowLedger known = ledgers.known(feed, pending);
        int windowStart = Integer.MIN_VALUE;
        if (feed == Feed.ATTENDANCE) {
            // The window ends at the newest day in the export (the MIS's "today"), not this computer's clock.
            int newest = export.rows().stream().mapToInt(CsvExport.Row::day).max().orElse(0);
            windowStart = newest - resendDays + 1;
        }
        List<CsvExport.Row> delta = new ArrayList<>();
        for (CsvExport.Row r : export.rows()) {
            if (r.day() >= windowStart && !known.known(r.key(), r.value())) {
                delta.add(r);
            }
        }
        if (delta.isEmpty()) {
            return new Result(feed, export.summary(), null, 0);
        }
        return new Result(feed, export.summary(), export.write(delta), delta.size());
    }

    /**
     * A CTF is sent whole (the hub holds back its records with errors and says why); one that cannot be read, or
     * that comes from another school, is not sent at all.
     */
    private Result ctf(String name, String at, byte[] bytes, FileReport report) {
        Map<String, Integer> byRule = new TreeMap<>();
        report.findings().forEach(f -> byRule.merge(f.rule().name(), 1, Integer::sum));
        String source = report.school() == null ? null : report.school().la() + report.school().estab();
        String refusal = report.outcome() == Outcome.REFUSED
                ? ValidationSummary.fileProblems(report)
                : null;
        if (refusal == null && source != null && !source.equals(school)) {
            byRule.merge(Rule.CTF_SCHOOL_MISMATCH.name(), 1, Integer::sum);
            refusal = "the CTF's source school is " + source + ", not " + school
                    + "; check the export settings in the MIS";
        }
        int errors = report.recordsWithErrors();
        if (refusal != null) {
            return new Result(Feed.CTF, new ValidationSummary(name, "ctf", at, report.records(), 0, errors,
                    (int) report.warnings(), byRule, refusal), null, 0);
        }
        return new Result(Feed.CTF, new ValidationSummary(name, "ctf", at, report.records(),
                report.records() - errors, errors, (int) report.warnings(), byRule, null), bytes, report.records());
    }
}
