package org.rollbridge.hub.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.rollbridge.hub.ingest.HeldRecords;
import org.springframework.stereotype.Component;

/** Stores a pupil record held as unmatched once the LA knows who the pupil is. */
@Component
public class HeldPupilRelease implements HeldRecords.HeldRelease {

    private final PupilStore pupils;
    private final Clock clock;

    public HeldPupilRelease(PupilStore pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String feed() {
        return "ctf";
    }

    @Override
    public void release(UUID batchId, String laestab, String upn, long personId, String payload) {
        pupils.releaseHeld(batchId, laestab, personId, payload, LocalDate.now(clock));
    }
}
