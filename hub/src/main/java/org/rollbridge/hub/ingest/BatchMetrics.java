package org.rollbridge.hub.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of the ingest: batches by feed and outcome, records imported and held, findings by
 * severity, and per school the time since its last completed batch (lag). No personal data is ever a label.
 */
@Component
public class BatchMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> lastCompleted = new ConcurrentHashMap<>();

    public BatchMetrics(MeterRegistry registry, BatchStore batches, Clock clock,
                        org.rollbridge.hub.jobs.JobQueue queue) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder("rollbridge.jobs.waiting", queue, org.rollbridge.hub.jobs.JobQueue::waiting)
                .description("Jobs queued and not yet done").register(registry);
        batches.lastCompletedBySchool().forEach((school, at) -> school(school, at.toInstant()));
    }

    public void finished(Batch batch, String status, int read, int imported, int held, long errors, long warnings) {
        String kind = batch.kind().id();
        registry.counter("rollbridge.batches", "kind", kind, "status", status).increment();
        registry.counter("rollbridge.records", "kind", kind, "outcome", "read").increment(read);
        registry.counter("rollbridge.records", "kind", kind, "outcome", "imported").increment(imported);
        registry.counter("rollbridge.records", "kind", kind, "outcome", "held").increment(held);
        registry.counter("rollbridge.findings", "kind", kind, "severity", "error").increment(errors);
        registry.counter("rollbridge.findings", "kind", kind, "severity", "warning").increment(warnings);
        if (status.equals("completed")) {
            school(batch.laestab(), clock.instant());
        }
    }

    private void school(String laestab, Instant completed) {
        if (lastCompleted.put(laestab, completed) == null) {
            Gauge.builder("rollbridge.school.lag", lastCompleted,
                            m -> Duration.between(m.get(laestab), clock.instant()).toMillis() / 1000.0)
                    .tag("laestab", laestab).baseUnit("seconds")
                    .description("Time since the school's last completed batch").register(registry);
        }
    }
}
