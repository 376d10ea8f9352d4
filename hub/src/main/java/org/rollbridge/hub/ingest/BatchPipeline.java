package org.rollbridge.hub.ingest;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.RecordRef;
import org.rollbridge.hub.HubProperties;
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
    private final BatchMetrics metrics;
    private final List<MergeFollowUp> followUps;

    public BatchPipeline(Batches batches, List<Feed> feeds, List<PipelineProbe> probes, JdbcClient db,
                         DataSource dataSource, TransactionTemplate tx, HubProperties settings,
                         BatchMetrics metrics, List<MergeFollowUp> followUps) {
        this.metrics = metrics;
        this.followUps = followUps;
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
            metrics.finished(batch, "refused", staged.read(), 0, 0, staged.report().errors(), staged.warnings());
            log.info("Batch {} refused: {} finding(s)", batchId, staged.report().findings().size());
            return;
        }
        feed.match(batch, db);
        probe(PipelineProbe.Step.MATCHED, batchId);
        Feed.Merged merged = tx.execute(s -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                db.sql("select pg_advisory_xact_lock(hashtext(?))").param("school-" + batch.laestab()).query().singleRow();
                Feed.Merged m = feed.merge(batch, db, c);
                followUps.forEach(f -> f.merged(batch));
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
                staged.report().errors(), staged.warnings());
        log.info("Batch {} completed: {} read, {} imported, {} held, {} finding(s)", batchId, staged.read(),
                merged.imported(), merged.held() + staged.errors(), staged.report().findings().size());
    }

    @Override
    public void gaveUp(UUID batchId, String error) {
        db.sql("update batches set status = 'failed', completed_at = now(), report = ?::jsonb where id = ?")
                .params(JSON.writeValueAsString(Map.of("status", "failed", "error",
                        "The hub could not process this batch; the LA's administrator can see why in the job queue")),
                        batchId)
                .update();
    }

    private void probe(PipelineProbe.Step step, UUID batchId) {
        for (PipelineProbe p : probes) {
            p.after(step, batchId);
        }
    }

    /** Writes the findings, the held error records, the counts and the report, in the caller's transaction. */
    private void conclude(Batch batch, String status, Staged staged, Feed.Merged merged) {
        db.sql("delete from batch_findings where batch_id = ?").param(batch.id()).update();
        FileReport file = staged.report();
        try {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try (CopyRows findings = new CopyRows(c, "batch_findings", "batch_id, la, seq, severity, rule_id, "
                    + "location, message, field, value, fix, upn, position, line, forename, surname, nc_year")) {
                int seq = 0;
                for (Finding f : file.findings()) {
                    RecordRef r = f.record();
                    findings.field(batch.id()).field(settings.la()).field(++seq).field(f.severity().label())
                            .field(f.rule().id()).field(location(batch, r)).field(f.message()).field(f.field())
                            .field(f.value()).field(f.fix()).field(r.upn()).field(r.position()).field(r.line())
                            .field(r.forename()).field(r.surname()).field(r.ncYear()).endRow();
                }
            }
            if (!staged.refused()) {
                holdErrors(batch, file, c);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Writing the findings of batch " + batch.id() + " failed", e);
        }
        int held = merged.held() + staged.errors();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("batchId", batch.id().toString());
        report.put("laestab", batch.laestab());
        report.put("kind", batch.kind().id());
        report.put("status", status);
        report.put("outcome", file.outcome().label());
        report.put("records", Map.of("read", staged.read(), "imported", merged.imported(), "held", held));
        report.put("recordsWithErrors", staged.errors());
        report.put("errors", file.errors());
        report.put("warnings", file.warnings());
        report.put("findings", file.findings().stream().limit(REPORT_FINDINGS).map(f -> summary(batch, f)).toList());
        report.put("findingsTruncated", file.findings().size() > REPORT_FINDINGS);
        report.put("reportUrl", "/api/v1/batches/" + batch.id() + "/report");
        db.sql("""
                update batches set status = ?, merged_at = case when ? = 'completed' then now() end,
                       completed_at = now(), records_read = ?, records_imported = ?, records_held = ?,
                       report = ?::jsonb
                where id = ?""")
                .params(status, status, staged.read(), merged.imported(), held, JSON.writeValueAsString(report),
                        batch.id())
                .update();
    }

    /** One held record (reason ERROR) per record with errors, naming its first error's rule and field. */
    private void holdErrors(Batch batch, FileReport file, Connection c) throws java.sql.SQLException {
        Map<Integer, List<Finding>> byRecord = new LinkedHashMap<>();
        for (Finding f : file.findings()) {
            if (f.error() && f.record().position() != null) {
                byRecord.computeIfAbsent(f.record().position(), p -> new java.util.ArrayList<>()).add(f);
            }
        }
        try (CopyRows held = new CopyRows(c, "held_records", "la, batch_id, laestab, feed, location, upn, reason, "
                + "detail, rule_id, field")) {
            for (List<Finding> errors : byRecord.values()) {
                Finding first = errors.get(0);
                String detail = errors.stream().map(f -> f.rule().id() + " (" + f.field() + "): " + f.message())
                        .collect(Collectors.joining("; "));
                held.field(settings.la()).field(batch.id()).field(batch.laestab()).field(batch.kind().id())
                        .field(location(batch, first.record())).field(first.record().upn()).field("ERROR")
                        .field(detail).field(first.rule().id()).field(first.field()).endRow();
            }
        }
    }

    /** Where a finding is, without personal data: "pupil 3 (line 45)", "line 12" or "file". */
    static String location(Batch batch, RecordRef r) {
        if (r.position() != null && batch.kind() == BatchKind.CTF) {
            return "pupil " + r.position() + (r.line() == null ? "" : " (line " + r.line() + ")");
        }
        return r.line() != null ? "line " + r.line() : "file";
    }

    private static Map<String, Object> summary(Batch batch, Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().label());
        m.put("ruleId", f.rule().id());
        m.put("location", location(batch, f.record()));
        m.put("field", f.field());
        m.put("message", f.message());
        m.put("fix", f.fix());
        return m;
    }
}
