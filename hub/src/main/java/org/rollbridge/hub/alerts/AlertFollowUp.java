package org.rollbridge.hub.alerts;

import java.util.UUID;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.MergeFollowUp;
import org.rollbridge.hub.jobs.JobQueue;
import org.rollbridge.hub.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job queued by each merge: recomputes the alerts of the pupils the batch touched. The merge transaction
 * records those pupils and queues this job, so a merged batch always gets its follow-up; the job reads the stored
 * state, not the batch, so running it twice (after a crash) gives the same cases.
 */
@Component
public class AlertFollowUp implements JobHandler, MergeFollowUp {

    public static final String KIND = "recompute-alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertFollowUp.class);

    private final RecomputePupilStore pupils;
    private final AlertRecompute recompute;
    private final JobQueue jobs;

    public AlertFollowUp(RecomputePupilStore pupils, AlertRecompute recompute, JobQueue jobs) {
        this.pupils = pupils;
        this.recompute = recompute;
        this.jobs = jobs;
    }

    /**
     * In the merge transaction (the caller's): remember who the batch touched and queue the follow-up. For a CTF
     * that includes the leavers whose spells it ended, who are not in its staged rows.
     */
    @Override
    public void merged(Batch batch) {
        pupils.remember(batch);
        jobs.enqueue(KIND, batch.id());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(UUID batchId) {
        AlertRecompute.Outcome outcome = recompute.persons(pupils.of(batchId), recompute.today());
        pupils.forget(batchId);
        log.info("Alerts recomputed after batch {}: {} pupil(s) at {} school(s), {} case(s) raised, {} updated",
                batchId, outcome.pupils(), outcome.schools(), outcome.changes().raised(),
                outcome.changes().updated() + outcome.changes().worsened() + outcome.changes().newEpisodes());
    }
}
