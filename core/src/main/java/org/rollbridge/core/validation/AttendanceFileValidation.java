package org.rollbridge.core.validation;

import org.rollbridge.core.text.FileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.feed.AttendanceCsv;
import org.rollbridge.core.feed.AttendanceRow;
import org.rollbridge.core.feed.CsvReadResult;

/** Validates a session-level attendance CSV row by row. */
final class AttendanceFileValidation extends CsvFileValidation {

    private final Map<String, SessionIndex> sessions = new HashMap<>();
    private final RecordScreen.Rows<AttendanceRow> downstream;

    private AttendanceFileValidation(String path, RuleSettings settings, RecordScreen.Rows<AttendanceRow> downstream) {
        super(path, settings);
        this.downstream = downstream;
    }

    static FileReport validate(Path file, String path, RuleSettings settings) throws IOException {
        return validate(FileSource.of(file), path, settings, null, (row, passed) -> { });
    }

    /** As above, for a file sent for {@code expectedSchool} (null: any), handing each row on once checked. */
    static FileReport validate(FileSource file, String path, RuleSettings settings, String expectedSchool,
                               RecordScreen.Rows<AttendanceRow> downstream) throws IOException {
        AttendanceFileValidation v = new AttendanceFileValidation(path, settings, downstream);
        v.expectedSchool = expectedSchool;
        CsvReadResult result = AttendanceCsv.read(file, v::row, v::problem);
        return new FileReport(path, FileKind.ATTENDANCE, v.school(), result.rows(), v.findings.recordsWithErrors(),
                v.findings.findings());
    }

    private void row(AttendanceRow r) {
        FileFindings.RecordSink out = row(r.line(), r.position(), r.laestab(), r.upn(), r.forename(), r.surname(),
                r.ncYear());
        check(r, out);
        Optional<LocalDate> date = r.date().date();
        Optional<Session> session = r.sessionValue();
        if (r.upn() != null && date.isPresent() && session.isPresent()) {
            int key = (int) (date.get().toEpochDay() * 2 + session.get().ordinal());
            long first = sessions.computeIfAbsent(r.upn().strip(), u -> new SessionIndex()).put(key, r.line());
            if (first >= 0) {
                out.add(Rule.ATTENDANCE_DUPLICATE_SESSION, "session", r.session(), date.get(), session.get(), first);
            }
        }
        downstream.row(r, passed(out));
    }

    /** The checks of one mark row on its own. */
    static void check(AttendanceRow r, FindingSink out) {
        Optional<LocalDate> date = r.date().date();
        if (date.isEmpty()) {
            out.add(Rule.ATTENDANCE_DATE, "date", r.date().text(), r.date().present() ? r.date().text() : "");
        }
        if (r.sessionValue().isEmpty()) {
            out.add(Rule.ATTENDANCE_SESSION, "session", r.session(), r.session() == null ? "" : r.session());
        }
        String when = date.map(LocalDate::toString).orElse(String.valueOf(r.date().text()))
                + " " + (r.session() == null ? "" : r.session());
        Optional<AttendanceCode> code = r.attendanceCode();
        if (code.isEmpty()) {
            out.add(Rule.ATTENDANCE_CODE_UNKNOWN, "code", r.code(), r.code() == null ? "" : r.code(), when, "");
        } else if (code.get().legacy() && date.isPresent()
                && !date.get().isBefore(AttendanceCode.CODES_2024_FROM)) {
            out.add(Rule.ATTENDANCE_CODE_LEGACY, "code", r.code(), r.code(), when, "", code.get().current().code());
        }
    }
}
