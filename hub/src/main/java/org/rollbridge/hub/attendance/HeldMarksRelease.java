package org.rollbridge.hub.attendance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.rollbridge.hub.ingest.HeldRecords;
import org.springframework.stereotype.Component;

/** Applies marks held for an unmatched pupil once the LA knows who the pupil is. */
@Component
public class HeldMarksRelease implements HeldRecords.HeldRelease {

    private final MarkStore marks;

    public HeldMarksRelease(MarkStore marks) {
        this.marks = marks;
    }

    @Override
    public String feed() {
        return "attendance";
    }

    @Override
    public void release(UUID batchId, String laestab, String upn, long personId, String payload, Connection c) {
        // Released under a batch id of its own, so the staging rows cannot meet a batch being processed.
        UUID releaseId = UUID.randomUUID();
        try {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into stage_attendance (batch_id, upn, academic_year, patch, marks, person_id)
                    select ?, ?, (p ->> 'academicYear')::smallint, p ->> 'patch', (p ->> 'marks')::int, ?
                    from (select ?::jsonb as p) held""")) {
                ps.setObject(1, releaseId);
                ps.setString(2, upn);
                ps.setLong(3, personId);
                ps.setString(4, payload);
                ps.executeUpdate();
            }
            marks.applyStaged(releaseId, laestab, c, batchId);
            try (PreparedStatement ps = c.prepareStatement("delete from stage_attendance where batch_id = ?")) {
                ps.setObject(1, releaseId);
                ps.executeUpdate();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Releasing held marks failed", e);
        }
    }
}
