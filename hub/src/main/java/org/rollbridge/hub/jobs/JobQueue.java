package org.rollbridge.hub.jobs;

import java.time.Duration;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The work queue in PostgreSQL. Claiming is done by {@link Workers}, which holds the row lock while it works. */
@Component
public class JobQueue {

    private final JdbcClient db;
    private final HubProperties settings;

    public JobQueue(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public void enqueue(String kind, UUID batchId) {
        db.sql("insert into jobs (la, kind, batch_id) values (?, ?, ?)").params(settings.la(), kind, batchId).update();
    }

    /** Jobs waiting to run, for readiness and metrics. */
    public long waiting() {
        return db.sql("select count(*) from jobs where status = 'queued'").query(Long.class).single();
    }

    public Duration retryDelay() {
        return settings.jobRetryDelay();
    }
}
