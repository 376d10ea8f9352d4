package org.rollbridge.core.validation;

import org.rollbridge.core.text.FileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.feed.CsvReadResult;
import org.rollbridge.core.feed.ExclusionRow;
import org.rollbridge.core.feed.ExclusionsCsv;
import org.rollbridge.core.pupil.RecordedDate;

/** Validates an exclusions CSV row by row. */
final class ExclusionFileValidation extends CsvFileValidation {

    private ExclusionFileValidation(String path, RuleSettings settings) {
        super(path, settings);
    }

    static FileReport validate(Path file, String path, RuleSettings settings) throws IOException {
        return validate(FileSource.of(file), path, settings, null, (row, passed) -> { });
    }

    /** As above, for a file sent for {@code expectedSchool} (null: any), handing each row on once checked. */
    static FileReport validate(FileSource file, String path, RuleSettings settings, String expectedSchool,
                               RecordScreen.Rows<ExclusionRow> downstream) throws IOException {
        ExclusionFileValidation v = new ExclusionFileValidation(path, settings);
        v.expectedSchool = expectedSchool;
        CsvReadResult result = ExclusionsCsv.read(file, r -> {
            FileFindings.RecordSink out = v.row(r.line(), r.position(), r.laestab(), r.upn(), r.forename(),
                    r.surname(), r.ncYear());
            check(r, out);
            downstream.row(r, passed(out));
        }, v::problem);
        return new FileReport(path, FileKind.EXCLUSIONS, v.school(), result.rows(), v.findings.recordsWithErrors(),
                v.findings.findings());
    }

    /** The checks of one exclusion on its own. */
    static void check(ExclusionRow r, FindingSink out) {
        if (!r.category().present()) {
            out.add(Rule.EXCLUSION_CODE, "category", null, "The exclusion has no category.");
        } else if (r.category().unknown()) {
            out.add(Rule.EXCLUSION_CODE, "category", r.category().raw(),
                    "Category \"" + r.category().raw() + "\" is not SUSP, PERM or LNCH.");
        }
        if (!r.reason().present()) {
            out.add(Rule.EXCLUSION_REASON_CODE, "reason", null, "The exclusion has no reason.");
        } else if (r.reason().unknown()) {
            out.add(Rule.EXCLUSION_REASON_CODE, "reason", r.reason().raw(),
                    "Reason \"" + r.reason().raw() + "\" is not a DfE exclusion reason code.");
        }
        boolean permanent = r.category().known().map(c -> c == ExclusionCategory.PERM).orElse(false);
        boolean suspension = r.category().known().map(c -> c != ExclusionCategory.PERM).orElse(false);
        Optional<LocalDate> start = dates(r, suspension, out);
        sessions(r, suspension, permanent, start, out);
    }

    private static Optional<LocalDate> dates(ExclusionRow r, boolean suspension, FindingSink out) {
        Optional<LocalDate> start = r.start().date();
        if (!r.start().present()) {
            out.add(Rule.EXCLUSION_DATES, "start_date", null, "The exclusion has no start date.");
        } else if (start.isEmpty()) {
            out.add(Rule.EXCLUSION_DATES, "start_date", r.start().text(),
                    "Start date \"" + r.start().text() + "\" is not a real date.");
        }
        Optional<LocalDate> end = r.end().date();
        if (r.end().invalid()) {
            out.add(Rule.EXCLUSION_DATES, "end_date", r.end().text(),
                    "End date \"" + r.end().text() + "\" is not a real date.");
        } else if (!r.end().present() && suspension) {
            out.add(Rule.EXCLUSION_DATES, "end_date", null, "A suspension needs an end date.");
        } else if (end.isPresent() && start.isPresent() && end.get().isBefore(start.get())) {
            out.add(Rule.EXCLUSION_DATES, "end_date", r.end().text(),
                    "End date " + r.end().text() + " is before start date " + r.start().text() + ".");
        }
        later("appeal_result_date", "Review decision date", r.appealResultDate(), start, out);
        later("reinstatement_date", "Reinstatement date", r.reinstatementDate(), start, out);
        return start;
    }

    private static void later(String field, String label, RecordedDate date, Optional<LocalDate> start,
                              FindingSink out) {
        if (date.invalid()) {
            out.add(Rule.EXCLUSION_DATES, field, date.text(), label + " \"" + date.text() + "\" is not a real date.");
        } else if (date.present() && start.isPresent() && date.date().orElseThrow().isBefore(start.get())) {
            out.add(Rule.EXCLUSION_DATES, field, date.text(),
                    label + " " + date.text() + " is before the exclusion started (" + start.get() + ").");
        }
    }

    private static void sessions(ExclusionRow r, boolean suspension, boolean permanent, Optional<LocalDate> start,
                                 FindingSink out) {
        if (r.sessions() == null) {
            if (suspension) {
                out.add(Rule.EXCLUSION_SESSIONS, "sessions", null,
                        "A suspension needs the number of sessions it lasts.");
            }
            return;
        }
        Integer sessions = r.sessionsValue();
        if (sessions == null) {
            out.add(Rule.EXCLUSION_SESSIONS, "sessions", r.sessions(),
                    "Sessions \"" + r.sessions() + "\" is not a whole number.");
            return;
        }
        if (sessions < 1 && !permanent) {
            out.add(Rule.EXCLUSION_SESSIONS, "sessions", r.sessions(),
                    "Sessions " + sessions + " is less than one session.");
            return;
        }
        Optional<LocalDate> end = r.end().date();
        if (start.isPresent() && end.isPresent() && !end.get().isBefore(start.get())) {
            long most = (ChronoUnit.DAYS.between(start.get(), end.get()) + 1) * 2;
            if (sessions > most) {
                out.add(Rule.EXCLUSION_SESSIONS, "sessions", r.sessions(), "Sessions " + sessions
                        + " is more than the " + most + " sessions from " + start.get() + " to " + end.get() + ".");
            }
        }
    }
}
