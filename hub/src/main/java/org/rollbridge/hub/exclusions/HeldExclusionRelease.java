package org.rollbridge.hub.exclusions;

import java.util.UUID;
import org.rollbridge.hub.ingest.HeldRecords;
import org.springframework.stereotype.Component;

/** Stores an exclusion held as unmatched once the LA knows who the pupil is. */
@Component
public class HeldExclusionRelease implements HeldRecords.HeldRelease {

    private final ExclusionStore exclusions;

    public HeldExclusionRelease(ExclusionStore exclusions) {
        this.exclusions = exclusions;
    }

    @Override
    public String feed() {
        return "exclusions";
    }

    @Override
    public void release(UUID batchId, String laestab, String upn, long personId, String payload) {
        exclusions.releaseHeld(batchId, laestab, personId, payload);
    }
}
