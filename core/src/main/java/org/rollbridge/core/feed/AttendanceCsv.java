package org.rollbridge.core.feed;

import org.rollbridge.core.text.FileSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.rollbridge.core.pupil.RecordedDate;

/**
 * Streams the session-level attendance CSV (docs/formats.md) one row at a time:
 * {@code AttendanceCsv.read(path, row -> ..., problem -> ...)}. Values are handed on as sent; judging them is the
 * validator's job. Shape problems (missing required columns, wrong field counts, an unclosed quote) go to the
 * problem consumer and never stop the rows that can be read.
 */
public final class AttendanceCsv {

    public static final List<String> REQUIRED_COLUMNS = List.of("laestab", "upn", "date", "session", "code");

    private AttendanceCsv() {
    }

    public static CsvReadResult read(Path file, Consumer<AttendanceRow> rows, Consumer<CsvProblem> problems)
            throws IOException {
        return read(FileSource.of(file), rows, problems);
    }

    public static CsvReadResult read(FileSource source, Consumer<AttendanceRow> rows, Consumer<CsvProblem> problems)
            throws IOException {
        try (Reader reader = FeedCsv.open(source)) {
            return read(reader, rows, problems);
        }
    }

    public static CsvReadResult read(Reader reader, Consumer<AttendanceRow> rows, Consumer<CsvProblem> problems)
            throws IOException {
        return FeedCsv.read(reader, REQUIRED_COLUMNS, r -> rows.accept(new AttendanceRow(r.line, r.position,
                r.get("laestab"), r.get("upn"), RecordedDate.of(r.get("date")), r.get("session"), r.get("code"),
                r.get("forename"), r.get("surname"), r.get("nc_year"), r.get("minutes_late"),
                r.get("recorded_at"))), problems);
    }
}
