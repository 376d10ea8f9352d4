package org.rollbridge.hub.attendance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.hub.ingest.CopyRows;

/**
 * A batch's marks gathered per pupil and academic year as {@link YearMarks} patches, then staged with COPY into
 * stage_attendance for {@link MarkStore} to merge. The attendance CSV and the marks a CTF carries go the same way,
 * so both have the same upsert and history semantics.
 */
public final class MarkPatches {

    private record Key(String upn, int academicYear) {
    }

    private final Map<Key, char[]> patches = new HashMap<>();
    private final Map<Key, Integer> counts = new HashMap<>();

    public void add(String upn, LocalDate day, Session session, AttendanceCode code) {
        Key key = new Key(upn, YearMarks.academicYear(day));
        patches.computeIfAbsent(key, k -> YearMarks.empty())[YearMarks.position(day, session)] = YearMarks.symbol(code);
        counts.merge(key, 1, Integer::sum);
    }

    /** COPYs the patches into stage_attendance under {@code batchId}; returns the number of marks staged. */
    public int stage(UUID batchId, Connection connection) throws SQLException {
        int marks = 0;
        try (CopyRows copy = new CopyRows(connection, "stage_attendance", "batch_id, upn, academic_year, patch, marks")) {
            for (var e : patches.entrySet()) {
                int count = counts.get(e.getKey());
                copy.field(batchId).field(e.getKey().upn()).field(e.getKey().academicYear())
                        .field(new String(e.getValue())).field(count).endRow();
                marks += count;
            }
        }
        return marks;
    }
}
