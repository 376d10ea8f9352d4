package org.rollbridge.hub.ingest;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.alerts.AlertFollowUp;
import org.rollbridge.hub.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processes a stored batch: validate and stage, match, then merge into the LA's tables in one transaction
 * together with its findings, held records and report. Everything before the merge may be redone at no cost,
 * so a batch interrupted anywhere is redone from the start, never left half-imported.
 */
@Component
public class BatchPipeline implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(BatchPipeline.class);
    private static final int REPORT_FINDINGS = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Batches batches;
    private final Map<BatchKind, Feed> feeds;
    private final List<PipelineProbe> probes;
    private final JdbcClient db;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final HubProperties settings;
    private final org.rollbridge.hub.ops.BatchMetrics metrics;
    private final AlertFollowUp alerts;

    public BatchPipeline(Batches batches, List<Feed> feeds, List<PipelineProbe> probes, JdbcClient db,
                         DataSource dataSource, TransactionTemplate tx, HubProperties settings,
                         org.rollbridge.hub.ops.BatchMetrics metrics, AlertFollowUp alerts) {
        this.metrics = metrics;
        this.alerts = alerts;
        this.batches = batches;
        this.feeds = feeds.stream().collect(Collectors.toMap(Feed::kind, Function.identity()));
        this.probes = probes;
        this.db = db;
        this.dataSource = dataSource;
        this.tx = tx;
        this.settings = settings;
    }

    @Override
    public String kind() {
        return "process-batch";
    }

    @Override
    public void run(UUID batchId) throws Exception {
        Batch batch = batches.find(batchId).orElseThrow(() -> new IllegalStateException("No batch " + batchId));
        if (batch.finished()) {
            return; // merged before a crash stopped the job being marked done
        }
        Feed feed = feeds.get(batch.kind());
        if (feed == null) {
            throw new IllegalStateException("This hub cannot yet process " + batch.kind().id() + " batches");
        }
        db.sql("update batches set status = 'processing', started_at = coalesce(started_at, now()) where id = ?")
                .param(batchId).update();
        feed.clear(batch, db);
        Staged staged;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            staged = feed.stage(batch, c);
        }
        probe(PipelineProbe.Step.STAGED, batchId);
        if (staged.refused()) {
            tx.executeWithoutResult(s -> conclude(batch, "refused", staged, new Feed.Merged(0, 0)));
            feed.clear(batch, db);
            metrics.finished(batch, "refused", staged.read(), 0, 0, staged.errors(), warnings(staged));
            log.info("Batch {} refused: {} file-level finding(s)", batchId, staged.findings().size());
            return;
        }
        feed.match(batch, db);
        probe(PipelineProbe.Step.MATCHED, batchId);
        Feed.Merged merged = tx.execute(s -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                db.sql("select pg_advisory_xact_lock(hashtext(?))").param("school-" + batch.laestab()).query().singleRow();
                Feed.Merged m = feed.merge(batch, db, c);
                alerts.queue(batch);
                conclude(batch, "completed", staged, m);
                return m;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        probe(PipelineProbe.Step.MERGED, batchId);
        feed.clear(batch, db);
        metrics.finished(batch, "completed", staged.read(), merged.imported(), merged.held() + staged.errors(),
                staged.errors(), warnings(staged));
        log.info("Batch {} completed: {} read, {} imported, {} held, {} finding(s)", batchId, staged.read(),
                merged.imported(), merged.held() + staged.errors(), staged.findings().size());
    }

    @Override
    public void gaveUp(UUID batchId, String error) {
        db.sql("update batches set status = 'failed', completed_at = now(), report = ?::jsonb where id = ?")
                .params(JSON.writeValueAsString(Map.of("status", "failed", "error",
                        "The hub could not process this batch; the LA's administrator can see why in the job queue")),
                        batchId)
                .update();
    }

    private static long warnings(Staged staged) {
        return staged.findings().stream().filter(f -> f.severity().equals("warning")).count();
    }

    private void probe(PipelineProbe.Step step, UUID batchId) {
        for (PipelineProbe p : probes) {
            p.after(step, batchId);
        }
    }

    /** Writes the findings, the held error records, the counts and the report, in the caller's transaction. */
    private void conclude(Batch batch, String status, Staged staged, Feed.Merged merged) {
        db.sql("delete from batch_findings where batch_id = ?").param(batch.id()).update();
        int seq = 0;
        for (Finding f : staged.findings()) {
            db.sql("""
                    insert into batch_findings (batch_id, la, seq, severity, rule_id, location, message)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(batch.id(), settings.la(), ++seq, f.severity(), f.ruleId(), f.location(), f.message())
                    .update();
            if (f.severity().equals("error")) {
                db.sql("""
                        insert into held_records (la, batch_id, laestab, feed, location, reason, detail)
                        values (?, ?, ?, ?, ?, 'ERROR', ?)""")
                        .params(settings.la(), batch.id(), batch.laestab(), batch.kind().id(), f.location(),
                                f.ruleId() + ": " + f.message())
                        .update();
            }
        }
        int held = merged.held() + staged.errors();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("batchId", batch.id().toString());
        report.put("laestab", batch.laestab());
        report.put("kind", batch.kind().id());
        report.put("status", status);
        report.put("records", Map.of("read", staged.read(), "imported", merged.imported(), "held", held));
        report.put("errors", staged.errors());
        report.put("warnings", warnings(staged));
        report.put("findings", staged.findings().stream().limit(REPORT_FINDINGS).toList());
        report.put("findingsTruncated", staged.findings().size() > REPORT_FINDINGS);
        db.sql("""
                update batches set status = ?, merged_at = case when ? = 'completed' then now() end,
                       completed_at = now(), records_read = ?, records_imported = ?, records_held = ?,
                       report = ?::jsonb
                where id = ?""")
                .params(status, status, staged.read(), merged.imported(), held, JSON.writeValueAsString(report),
                        batch.id())
                .update();
    }
}
