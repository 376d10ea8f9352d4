package org.rollbridge.hub.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.RecordRef;
import org.rollbridge.hub.jobs.JobHandler;
import org.rollbridge.hub.store.BulkTransactions;
import org.rollbridge.hub.store.PlannerStatisticsStore;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final BatchStore batches;
    private final FindingStore findings;
    private final Map<BatchKind, Feed> feeds;
    private final List<PipelineProbe> probes;
    private final TransactionTemplate tx;
    private final TransactionLocks locks;
    private final BatchMetrics metrics;
    private final List<MergeFollowUp> followUps;
    private final HeldRecords held;
    private final BulkTransactions bulk;
    private final PlannerStatisticsStore statistics;

    public BatchPipeline(BatchStore batches, FindingStore findings, List<Feed> feeds, List<PipelineProbe> probes,
                         TransactionTemplate tx, TransactionLocks locks, BatchMetrics metrics,
                         List<MergeFollowUp> followUps, HeldRecords held, BulkTransactions bulk,
                         PlannerStatisticsStore statistics) {
        this.bulk = bulk;
        this.statistics = statistics;
        this.held = held;
        this.metrics = metrics;
        this.followUps = followUps;
        this.batches = batches;
        this.findings = findings;
        this.feeds = feeds.stream().collect(Collectors.toMap(Feed::kind, Function.identity()));
        this.probes = probes;
        this.tx = tx;
        this.locks = locks;
    }

    @Override
    public String kind() {
        return "process-batch";
    }

    @Override
    public void run(UUID batchId) throws Exception {
        Batch batch = batches.find(batchId).orElseThrow(() -> new IllegalStateException("No batch " + batchId));
        if (batch.finished()) {
            // Merged before a crash stopped the job being marked done: only its staged rows may be left.
            Feed finishedFeed = feeds.get(batch.kind());
            if (finishedFeed != null) {
                finishedFeed.clear(batch);
            }
            return;
        }
        Optional<String> earlier = batches.earlierUnfinished(batchId);
        if (earlier.isPresent()) {
            throw new JobHandler.NotYet("Waits for batch " + earlier.get() + " of school " + batch.laestab()
                    + ", received earlier: a school's batches of one feed merge in the order they were received");
        }
        Feed feed = feeds.get(batch.kind());
        if (feed == null) {
            throw new IllegalStateException("This hub cannot yet process " + batch.kind().id() + " batches");
        }
        batches.processing(batchId);
        feed.clear(batch);
        // Staged rows are committed for matching to read; a batch interrupted after this is cleared and redone.
        Staged staged = tx.execute(s -> {
            bulk.redoable();
            return feed.stage(batch);
        });
        // Matching is planned on this batch's staged rows, which no earlier statistics know.
        analyseGrown(feed.joinsStagedRows());
        probe(PipelineProbe.Step.STAGED, batchId);
        if (staged.refused()) {
            tx.executeWithoutResult(s -> conclude(batch, "refused", staged, new Feed.Merged(0, 0)));
            feed.clear(batch);
            statistics.vacuumStaging();
            metrics.finished(batch, "refused", staged.read(), 0, 0, staged.report().errors(), staged.warnings());
            log.info("Batch {} refused: {} finding(s)", batchId, staged.report().findings().size());
            return;
        }
        feed.match(batch);
        // The merge's joins are planned on the staged rows as matched (how many, how many linked), not as the
        // last batch or an empty table left them.
        analyseGrown(feed.joinsStagedRows());
        probe(PipelineProbe.Step.MATCHED, batchId);
        Feed.Merged merged = tx.execute(s -> {
            locks.hold(SchoolLock.DATA, batch.laestab());
            bulk.redoable();    // the batch is durable in the upload store; a lost merge is redone by its job
            Feed.Merged m = feed.merge(batch);
            held.holdSuppressed(batch.id());
            followUps.forEach(f -> f.merged(batch));
            conclude(batch, "completed", staged, m);
            return m;
        });
        probe(PipelineProbe.Step.MERGED, batchId);
        // The next batch's matching and merge are planned on the LA's tables as this one left them.
        analyseGrown(false);
        feed.clear(batch);
        // The staged rows just deleted would otherwise stay on disk for every later batch's analysis to read.
        statistics.vacuumStaging();
        metrics.finished(batch, "completed", staged.read(), merged.imported(), merged.held() + staged.errors(),
                staged.report().errors(), staged.warnings());
        log.info("Batch {} completed: {} read, {} imported, {} held, {} finding(s)", batchId, staged.read(),
                merged.imported(), merged.held() + staged.errors(), staged.report().findings().size());
    }

    @Override
    public void gaveUp(UUID batchId, String error) {
        batches.failed(batchId, JSON.writeValueAsString(Map.of("status", "failed", "error",
                "The hub could not process this batch; the LA's administrator can see why in the job queue")));
    }

    private void analyseGrown(boolean staged) {
        List<String> analysed = staged ? statistics.analyseGrownAndStaged() : statistics.analyseGrown();
        if (!analysed.isEmpty()) {
            log.debug("Analysed tables grown since their last analysis: {}", analysed);
        }
    }

    private void probe(PipelineProbe.Step step, UUID batchId) {
        for (PipelineProbe p : probes) {
            p.after(step, batchId);
        }
    }

    /** Writes the findings, the held error records, the counts and the report, in the caller's transaction. */
    private void conclude(Batch batch, String status, Staged staged, Feed.Merged merged) {
        FileReport file = staged.report();
        findings.replace(batch, file);
        if (!staged.refused()) {
            findings.holdErrors(batch, file);
            if (batch.kind() == BatchKind.CTF) {
                held.supersedeEarlier(batch.id(), batch.laestab(), "ctf", held.heldUpns(batch.id(), "ctf"));
            }
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
        batches.concluded(batch.id(), status, staged.read(), merged.imported(), held,
                JSON.writeValueAsString(report));
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
