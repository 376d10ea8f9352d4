package org.rollbridge.hub.people;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rollbridge.hub.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job a register import queues: matches every held pupil record again, a slice at a time, each slice in its
 * own short transaction so a review decision never waits long for a held record's lock. Safe to redo after a
 * crash: it reads what is held now, and a record already released is no longer held.
 */
@Component
public class HeldRematchJob implements JobHandler {

    public static final String KIND = "rematch-held";
    /** Held records per transaction: a few seconds' work at most. */
    static final int SLICE = 500;
    private static final Logger log = LoggerFactory.getLogger(HeldRematchJob.class);

    private final HeldRecordMatching matching;

    public HeldRematchJob(HeldRecordMatching matching) {
        this.matching = matching;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(UUID batchId) {
        long started = System.nanoTime();
        List<Long> ids = matching.heldIds();
        int released = 0;
        int stillHeld = 0;
        List<Long> skipped = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + SLICE));
            HeldRecordMatching.Result r = matching.rematchHeld(slice, true);
            released += r.released();
            stillHeld += r.stillHeld();
            Set<Long> done = new HashSet<>(r.matched());
            slice.stream().filter(id -> !done.contains(id)).forEach(skipped::add);
        }
        // Locked by a decision while their slice ran (or released since): waited for one at a time, so the job
        // never holds one record while waiting for another. One released meanwhile is simply not held any more.
        for (long id : skipped) {
            HeldRecordMatching.Result r = matching.rematchHeld(List.of(id), false);
            released += r.released();
            stillHeld += r.stillHeld();
        }
        log.info("Held pupil records matched again after a register change: {} re-matched, {} released, {} still "
                + "held, in {} ms", ids.size(), released, stillHeld, (System.nanoTime() - started) / 1_000_000);
    }
}
