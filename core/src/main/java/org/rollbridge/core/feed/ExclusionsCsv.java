package org.rollbridge.core.feed;

import org.rollbridge.core.text.FileSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.pupil.RecordedDate;

/**
 * Streams the exclusions CSV (docs/formats.md) one row at a time, like {@link AttendanceCsv}.
 */
public final class ExclusionsCsv {

    public static final List<String> REQUIRED_COLUMNS =
            List.of("laestab", "upn", "category", "reason", "start_date", "end_date", "sessions");

    private ExclusionsCsv() {
    }

    public static CsvReadResult read(Path file, Consumer<ExclusionRow> rows, Consumer<CsvProblem> problems)
            throws IOException {
        return read(FileSource.of(file), rows, problems);
    }

    public static CsvReadResult read(FileSource source, Consumer<ExclusionRow> rows, Consumer<CsvProblem> problems)
            throws IOException {
        try (Reader reader = FeedCsv.open(source)) {
            return read(reader, rows, problems);
        }
    }

    public static CsvReadResult read(Reader reader, Consumer<ExclusionRow> rows, Consumer<CsvProblem> problems)
            throws IOException {
        return FeedCsv.read(reader, REQUIRED_COLUMNS, r -> rows.accept(new ExclusionRow(r.line, r.position,
                r.get("laestab"), r.get("upn"), Coded.of(ExclusionCategory.class, r.get("category")),
                Coded.of(ExclusionReason.class, r.get("reason")), RecordedDate.of(r.get("start_date")),
                RecordedDate.of(r.get("end_date")), r.get("sessions"), r.get("appeal_received"),
                r.get("appeal_result"), RecordedDate.of(r.get("appeal_result_date")),
                RecordedDate.of(r.get("reinstatement_date")), r.get("forename"), r.get("surname"),
                r.get("nc_year"), r.get("exclusion_id"))), problems);
    }
}
