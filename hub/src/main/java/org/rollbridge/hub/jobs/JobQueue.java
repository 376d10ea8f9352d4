package org.rollbridge.hub.jobs;

import java.time.Duration;
import java.util.UUID;
import org.rollbridge.hub.JobSettings;
import org.springframework.stereotype.Component;

/**
 * The work queue in PostgreSQL ({@link JobStore}). Claiming is done by {@link Workers}, which holds the row lock
 * while it works.
 */
@Component
public class JobQueue {

    private final JobStore store;
    private final JobSettings jobs;

    public JobQueue(JobStore store, JobSettings jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    public void enqueue(String kind, UUID batchId) {
        store.add(kind, batchId);
    }

    /** Jobs waiting to run, for readiness and metrics. */
    public long waiting() {
        return store.queued();
    }

    public Duration retryDelay() {
        return jobs.retryDelay();
    }
}
