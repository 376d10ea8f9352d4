package org.rollbridge.hub.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.rollbridge.hub.JobSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Worker threads that take jobs from the queue. A job is claimed with FOR UPDATE SKIP LOCKED in a transaction
 * kept open while the job runs (the work itself uses other connections): if the process dies, PostgreSQL drops
 * the lock with the connection and the job, still queued, is taken again. Failures are retried after a delay
 * and given up after ROLLBRIDGE_JOB_MAX_ATTEMPTS.
 */
@Component
public class Workers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);
    private final DataSource dataSource;
    private final JobSettings settings;
    private final Map<String, JobHandler> handlers;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public Workers(DataSource dataSource, JobSettings settings, List<JobHandler> handlers) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            Thread t = Thread.ofPlatform().name("rollbridge-worker-" + i).start(this::loop);
            threads.add(t);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(settings.retryDelay().toMillis() + 60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (!runOne()) {
                    Thread.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.error("The job queue could not be read; retrying", e);
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Runs every job that is ready now, in this thread; for the import command and tests. */
    public int drain() throws SQLException {
        int n = 0;
        while (runOne()) {
            n++;
        }
        return n;
    }

    /** Claims and runs one ready job; false when none was ready. */
    boolean runOne() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                String kind;
                UUID batchId;
                int attempts;
                try (PreparedStatement ps = c.prepareStatement("""
                        select id, kind, batch_id, attempts from jobs
                        where status = 'queued' and visible_after <= now()
                        order by id limit 1 for update skip locked""");
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return false;
                    }
                    id = rs.getLong(1);
                    kind = rs.getString(2);
                    batchId = rs.getObject(3, UUID.class);
                    attempts = rs.getInt(4) + 1;
                }
                try {
                    JobHandler handler = handlers.get(kind);
                    if (handler == null) {
                        throw new IllegalStateException("No handler for job kind " + kind);
                    }
                    handler.run(batchId);
                    finish(c, id, attempts, "done", null, 0);
                } catch (JobHandler.NotYet wait) {
                    log.debug("Job {} ({}) waits: {}", id, kind, wait.getMessage());
                    finish(c, id, attempts - 1, "queued", wait.getMessage(), settings.pollInterval().toMillis());
                } catch (Exception e) {
                    boolean giveUp = attempts >= settings.maxAttempts();
                    log.warn("Job {} ({}) failed on attempt {}{}: {}", id, kind, attempts,
                            giveUp ? ", giving up" : ", will retry", e.toString());
                    finish(c, id, attempts, giveUp ? "failed" : "queued", e.toString(),
                            settings.retryDelay().toMillis());
                    if (giveUp && handlers.containsKey(kind)) {
                        handlers.get(kind).gaveUp(batchId, e.toString());
                    }
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void finish(Connection c, long id, int attempts, String status, String error, long delayMs)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update jobs set status = ?, attempts = ?, last_error = ?, updated_at = now(),
                       visible_after = now() + (? * interval '1 millisecond')
                where id = ?""")) {
            ps.setString(1, status);
            ps.setInt(2, attempts);
            ps.setString(3, error);
            ps.setLong(4, delayMs);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }
}
