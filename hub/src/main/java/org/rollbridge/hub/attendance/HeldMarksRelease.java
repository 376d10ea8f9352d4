package org.rollbridge.hub.attendance;

import java.util.UUID;
import org.rollbridge.hub.ingest.HeldRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies marks held for an unmatched pupil once the LA knows who the pupil is. */
@Component
public class HeldMarksRelease implements HeldRecords.HeldRelease {

    private final MarkStore marks;
    private final JdbcClient db;

    public HeldMarksRelease(MarkStore marks, JdbcClient db) {
        this.marks = marks;
        this.db = db;
    }

    @Override
    public String feed() {
        return "attendance";
    }

    @Override
    public void release(UUID batchId, String laestab, String upn, long personId, String payload) {
        // Released under a batch id of its own, so the staging rows cannot meet a batch being processed.
        UUID releaseId = UUID.randomUUID();
        db.sql("""
                insert into stage_attendance (batch_id, upn, academic_year, patch, marks, person_id)
                select ?, ?, (p ->> 'academicYear')::smallint, p ->> 'patch', (p ->> 'marks')::int, ?
                from (select ?::jsonb as p) held""")
                .params(releaseId, upn, personId, payload).update();
        marks.applyStaged(releaseId, laestab, batchId);
        db.sql("delete from stage_attendance where batch_id = ?").param(releaseId).update();
    }
}
