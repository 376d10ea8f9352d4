package org.rollbridge.hub.attendance;

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
    public void release(UUID batchId, String laestab, String upn, long personId, String payload) {
        marks.releaseHeld(batchId, laestab, upn, personId, payload);
    }
}
