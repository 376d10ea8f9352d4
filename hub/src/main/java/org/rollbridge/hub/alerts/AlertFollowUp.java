package org.rollbridge.hub.alerts;

import java.util.List;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.MergeFollowUp;
import org.rollbridge.hub.jobs.JobQueue;
import org.rollbridge.hub.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient db;
    private final AlertRecompute recompute;
    private final JobQueue jobs;
    private final HubProperties settings;

    public AlertFollowUp(JdbcClient db, AlertRecompute recompute, JobQueue jobs, HubProperties settings) {
        this.db = db;
        this.recompute = recompute;
        this.jobs = jobs;
        this.settings = settings;
    }

    /**
     * In the merge transaction (the caller's): remember who the batch touched and queue the follow-up. For a CTF
     * that includes the leavers whose spells it ended, who are not in its staged rows.
     */
    @Override
    public void merged(Batch batch) {
        String stage = switch (batch.kind()) {
            case ATTENDANCE -> "stage_attendance";
            case EXCLUSIONS -> "stage_exclusions";
            case CTF -> "stage_pupils";
        };
        db.sql("insert into alert_recompute_pupils (batch_id, person_id) select distinct ?::uuid, person_id from ("
                        + " select person_id from " + stage + " where batch_id = ? and person_id is not null"
                        + " union select person_id from enrolments where la = ? and ended_batch = ?) touched"
                        + " on conflict do nothing")
                .params(batch.id(), batch.id(), settings.la(), batch.id()).update();
        jobs.enqueue(KIND, batch.id());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(UUID batchId) {
        List<Long> persons = db.sql("select person_id from alert_recompute_pupils where batch_id = ?").param(batchId)
                .query(Long.class).list();
        AlertRecompute.Outcome outcome = recompute.persons(persons, recompute.today());
        db.sql("delete from alert_recompute_pupils where batch_id = ?").param(batchId).update();
        log.info("Alerts recomputed after batch {}: {} pupil(s) at {} school(s), {} case(s) raised, {} updated",
                batchId, outcome.pupils(), outcome.schools(), outcome.changes().raised(),
                outcome.changes().updated() + outcome.changes().worsened() + outcome.changes().newEpisodes());
    }
}
