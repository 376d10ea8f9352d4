package org.rollbridge.hub.jobs;

import java.time.Duration;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.JobSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The work queue in PostgreSQL. Claiming is done by {@link Workers}, which holds the row lock while it works. */
@Component
public class JobQueue {

    private final JdbcClient db;
    private final HubProperties settings;
    private final JobSettings jobs;

    public JobQueue(JdbcClient db, HubProperties settings, JobSettings jobs) {
        this.db = db;
        this.settings = settings;
        this.jobs = jobs;
    }

    public void enqueue(String kind, UUID batchId) {
        db.sql("insert into jobs (la, kind, batch_id) values (?, ?, ?)").params(settings.la(), kind, batchId).update();
    }

    /** Jobs waiting to run, for readiness and metrics. */
    public long waiting() {
        return db.sql("select count(*) from jobs where status = 'queued'").query(Long.class).single();
    }

    public Duration retryDelay() {
        return jobs.retryDelay();
    }
}
