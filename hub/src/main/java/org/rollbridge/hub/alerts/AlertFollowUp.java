package org.rollbridge.hub.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * thus cost about one whole-LA recompute rather than 60 separate ones. One wave is led at a time in this hub, and
 * the other workers' follow-up jobs help it: a job that finds a wave running takes the wave's schools not yet
 * started, one at a time, as the leading job does, so a wave's schools are recomputed by every worker that has
 * nothing else to do instead of one while the others wait. A helping job whose batch the wave took is then done
 * (the leading job forgets the wave's pupils only once every school of it is recomputed, and is redone if it is
 * lost, with the same pupils still waiting); one whose batch merged after the wave began waits in the queue for the
 * next. Two waves over the same pupils (two hubs on one database) would only repeat work: a school's cases are
 * written under its alert lock and the same stored data gives the same cases.
 */
@Component
public class AlertFollowUp implements JobHandler, MergeFollowUp {

    public static final String KIND = "recompute-alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertFollowUp.class);

    private final RecomputePupilStore pupils;
    private final AlertRecompute recompute;
    private final JobQueue jobs;
    /** Held by the job leading a wave. */
    private final ReentrantLock wave = new ReentrantLock();
    /** The wave being led, for other follow-up jobs to help; null between waves. */
    private volatile Wave current;

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
        Wave running = current;
        if (running != null) {
            running.help(recompute);
            if (running.took(batchId)) {
                if (running.recomputed()) {
                    return;     // the leading job forgets the wave's pupils, or is redone with them still waiting
                }
                throw new NotYet("The wave that took this batch's pupils failed; they join the next wave");
            }
        }
        if (!wave.tryLock()) {
            throw new NotYet("Alerts are being recomputed for other batches; this batch's pupils join the next wave");
        }
        try {
            lead(batchId);
        } finally {
            current = null;
            wave.unlock();
        }
    }

    /** Takes every pupil waiting now, recomputes them with whichever workers help, then forgets their batches. */
    private void lead(UUID batchId) {
        RecomputePupilStore.Waiting waiting = pupils.waiting();
        if (waiting.isEmpty()) {
            return;     // an earlier wave took this batch's pupils
        }
        long started = System.nanoTime();
        LocalDate asOf = recompute.today();
        Wave w = new Wave(waiting.batches(), recompute.schoolsOf(waiting.persons(), asOf), asOf);
        current = w;
        w.help(recompute);
        AlertRecompute.Outcome outcome = w.finished();
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
    }

    /**
     * One wave: the batches it took and their pupils by school, handed out one school at a time to the leading
     * job and to any follow-up job that helps. A school's recompute is its own transaction, so two workers never
     * write the same school's cases at once.
     */
    static final class Wave {

        private final Set<UUID> batches;
        private final Deque<Map.Entry<String, Long[]>> schools;
        private final LocalDate asOf;
        private int recomputing;
        private AlertRecompute.Outcome outcome = AlertRecompute.Outcome.none();
        private RuntimeException failure;

        Wave(List<UUID> batches, Map<String, Long[]> schools, LocalDate asOf) {
            this.batches = Set.copyOf(batches);
            this.schools = new ArrayDeque<>(schools.entrySet());
            this.asOf = asOf;
        }

        boolean took(UUID batch) {
            return batches.contains(batch);
        }

        /**
         * Recomputes the wave's schools not yet started until none is left. A failure is kept for the leading job,
         * which then leaves the wave's pupils waiting and is redone.
         */
        void help(AlertRecompute recompute) {
            Map.Entry<String, Long[]> school;
            while ((school = next()) != null) {
                AlertRecompute.Outcome outcome = null;
                RuntimeException failed = null;
                try {
                    outcome = recompute.school(school.getKey(), school.getValue(), asOf);
                } catch (RuntimeException e) {
                    failed = e;
                } finally {
                    // Always counted off, whatever was thrown: the other jobs wait until every school is.
                    done(outcome != null ? outcome : AlertRecompute.Outcome.none(), outcome != null ? null
                            : failed != null ? failed : new IllegalStateException("School " + school.getKey()
                            + "'s alerts were not recomputed"));
                }
            }
        }

        private synchronized Map.Entry<String, Long[]> next() {
            if (failure != null || schools.isEmpty()) {
                return null;
            }
            recomputing++;
            return schools.poll();
        }

        private synchronized void done(AlertRecompute.Outcome school, RuntimeException e) {
            outcome = outcome.plus(school);
            if (e != null && failure == null) {
                failure = e;
            }
            recomputing--;
            notifyAll();
        }

        /** Once every school is recomputed (by whichever job took it): the wave's outcome, or its failure. */
        synchronized AlertRecompute.Outcome finished() {
            awaitSchools();
            if (failure != null) {
                throw failure;
            }
            return outcome;
        }

        /** For a helping job, once no school is left to take: whether every school was recomputed. */
        synchronized boolean recomputed() {
            awaitSchools();
            return failure == null;
        }

        private void awaitSchools() {
            while (recomputing > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while other workers finished the wave's schools", e);
                }
            }
        }
    }
}
