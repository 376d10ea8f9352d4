package org.rollbridge.hub.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.MergeFollowUp;
import org.rollbridge.hub.store.PlannerStatisticsStore;
import org.rollbridge.hub.jobs.JobQueue;
import org.rollbridge.hub.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job queued by each merge: recomputes the alerts of the pupils the batch touched. The merge transaction
 * records those pupils and queues this job, so a merged batch always gets its follow-up; the job reads the stored
 * state, not the batch, so running it twice (after a crash) gives the same cases.
 *
 * <p>Follow-ups are coalesced into waves: a job recomputes the pupils of every batch waiting at that moment (its
 * own among them, unless an earlier wave took them), each pupil once and each school in one pass, then forgets
 * those batches' pupils; the jobs of batches already taken find nothing to do. A night's 60 attendance batches
 * thus cost about one whole-LA recompute rather than 60 separate ones. One wave runs at a time in this hub: a job
 * that finds a wave running waits in the queue and takes whatever has gathered since. Two waves over the same
 * pupils (two hubs on one database) would only repeat work: a school's cases are written under its alert lock and
 * the same stored data gives the same cases.
 */
@Component
public class AlertFollowUp implements JobHandler, MergeFollowUp {

    public static final String KIND = "recompute-alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertFollowUp.class);

    private final RecomputePupilStore pupils;
    private final AlertRecompute recompute;
    private final JobQueue jobs;
    /** Held by the job running a wave. */
    private final ReentrantLock wave = new ReentrantLock();

    private final PlannerStatisticsStore statistics;
    private final Timer waves;
    private final Counter recomputed;

    public AlertFollowUp(RecomputePupilStore pupils, AlertRecompute recompute, JobQueue jobs, MeterRegistry metrics,
                         PlannerStatisticsStore statistics) {
        this.statistics = statistics;
        this.waves = Timer.builder("rollbridge.alerts.follow_up")
                .description("Alert follow-up waves and the time they took").register(metrics);
        this.recomputed = Counter.builder("rollbridge.alerts.follow_up.pupils")
                .description("How many pupils the follow-up waves recomputed alerts for (a count, never who)").register(metrics);
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
    public void run(UUID batchId) throws NotYet {
        if (!wave.tryLock()) {
            throw new NotYet("Alerts are being recomputed for other batches; this batch's pupils join the next wave");
        }
        try {
            RecomputePupilStore.Waiting waiting = pupils.waiting();
            if (waiting.isEmpty()) {
                return;     // an earlier wave took this batch's pupils
            }
            long started = System.nanoTime();
            AlertRecompute.Outcome outcome = recompute.persons(waiting.persons(), recompute.today());
            pupils.forget(waiting.batches());
            // The cases and evidence an initial load's first waves write grow from empty: the next wave's reads
            // are planned on them as they now are.
            statistics.analyseGrown();
            waves.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            recomputed.increment(outcome.pupils());
            log.info("Alerts recomputed after {} batch(es) (this job's batch {}): {} pupil(s) at {} school(s), "
                    + "{} case(s) raised, {} updated", waiting.batches().size(), batchId, outcome.pupils(),
                    outcome.schools(), outcome.changes().raised(),
                    outcome.changes().updated() + outcome.changes().worsened() + outcome.changes().newEpisodes());
        } finally {
            wave.unlock();
        }
    }
}
