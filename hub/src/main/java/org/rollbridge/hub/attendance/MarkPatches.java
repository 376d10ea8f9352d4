package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.hub.store.CopyRows;

/**
 * A batch's marks gathered per pupil and academic year as {@link YearMarks} patches, then staged with COPY into
 * stage_attendance by {@link MarkStore}, which merges them. The attendance CSV and the marks a CTF carries go the
 * same way, so both have the same upsert and history semantics.
 */
public final class MarkPatches {

    private record Key(String upn, int academicYear) {
    }

    private final Map<Key, char[]> patches = new HashMap<>();
    private final Map<Key, Integer> counts = new HashMap<>();
    private final boolean firstLetters;

    /** Marks with their codes in full, as the session-level attendance CSV sends them. */
    public MarkPatches() {
        this(false);
    }

    private MarkPatches(boolean firstLetters) {
        this.firstLetters = firstLetters;
    }

    /** Marks written as their codes' first letters, as a CTF's marks string holds them. */
    public static MarkPatches firstLetters() {
        return new MarkPatches(true);
    }

    public void add(String upn, LocalDate day, Session session, AttendanceCode code) {
        Key key = new Key(upn, YearMarks.academicYear(day));
        patches.computeIfAbsent(key, k -> YearMarks.empty())[YearMarks.position(day, session)] = YearMarks.symbol(code);
        counts.merge(key, 1, Integer::sum);
    }

    /**
     * Writes the patches as stage_attendance rows (batch_id, upn, academic_year, patch, marks, first_letters) under
     * {@code batchId}; returns the number of marks staged.
     */
    int writeTo(CopyRows copy, UUID batchId) {
        int marks = 0;
        for (var e : patches.entrySet()) {
            int count = counts.get(e.getKey());
            copy.field(batchId).field(e.getKey().upn()).field(e.getKey().academicYear())
                    .field(new String(e.getValue())).field(count).field(firstLetters).endRow();
            marks += count;
        }
        return marks;
    }
}
