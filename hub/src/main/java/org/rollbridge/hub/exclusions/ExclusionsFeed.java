package org.rollbridge.hub.exclusions;

import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;
import org.rollbridge.core.feed.ExclusionRow;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Outcome;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.BatchStore;
import org.rollbridge.hub.ingest.BatchValidation;
import org.rollbridge.hub.ingest.Feed;
import org.rollbridge.hub.ingest.SchoolRollStore;
import org.rollbridge.hub.ingest.Staged;
import org.rollbridge.hub.store.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exclusions CSV (docs/formats.md): one row per suspension or permanent exclusion, upserted by the MIS's
 * exclusion id when it sends one, else by pupil, category and start date.
 */
@Component
public class ExclusionsFeed implements Feed {

    private final SchoolRollStore roll;
    private final BatchValidation validation;
    private final JdbcClient db;
    private final DataSource dataSource;
    private final ExclusionStore exclusions;
    private final BatchStore batches;

    public ExclusionsFeed(SchoolRollStore roll, BatchValidation validation, JdbcClient db, DataSource dataSource,
                          ExclusionStore exclusions, BatchStore batches) {
        this.batches = batches;
        this.exclusions = exclusions;
        this.db = db;
        this.dataSource = dataSource;
        this.roll = roll;
        this.validation = validation;
    }

    @Override
    public BatchKind kind() {
        return BatchKind.EXCLUSIONS;
    }

    @Override
    public Staged stage(Batch batch) {
        int[] staged = {0};
        FileReport report;
        try (CopyRows copy = CopyRows.inTransaction(dataSource, "stage_exclusions", "batch_id, line, upn, exclusion_ref, "
                + "category, reason, start_date, end_date, sessions, appeal_received, appeal_result, "
                + "appeal_result_date, reinstatement_date")) {
            report = validation.screen(batch).exclusions(validation.stored(batch), BatchValidation.displayPath(batch),
                    (row, passed) -> {
                        if (passed) {
                            stage(batch, row, copy);
                            staged[0]++;
                        }
                    });
            if (report.outcome() == Outcome.REFUSED) {
                copy.abort();
                return new Staged(report, 0);
            }
        }
        return new Staged(report, staged[0]);
    }

    /** A row that passed validation has a known category and reason and a start date. */
    private static void stage(Batch batch, ExclusionRow row, CopyRows copy) {
        String upn = row.upn().strip().toUpperCase(Locale.ROOT);
        String category = row.category().known().orElseThrow().code();
        LocalDate start = row.start().date().orElseThrow();
        String ref = row.exclusionId() == null ? upn + "|" + category + "|" + start : "mis:" + row.exclusionId();
        copy.field(batch.id()).field(row.position()).field(upn).field(ref).field(category)
                .field(row.reason().known().orElseThrow().code()).field(start)
                .field(row.end().date().orElse(null)).field(row.sessionsValue())
                .field(row.appealReceivedValue()).field(row.appealResult())
                .field(row.appealResultDate().date().orElse(null))
                .field(row.reinstatementDate().date().orElse(null)).endRow();
    }

    @Override
    public void match(Batch batch) {
        // The row carries only the UPN: rule 1 (current or former UPN), for pupils on the school's roll only.
        roll.link(SchoolRollStore.StagedRows.EXCLUSIONS, batch.id(), batch.laestab());
    }

    @Override
    public Merged merge(Batch batch) {
        int imported = exclusions.applyStaged(batch.id(), batch.id(), batch.laestab());
        batches.replaces(batch.id()).ifPresent(span -> exclusions.removeUnsent(batch.id(), batch.laestab(), span));
        int held = exclusions.holdNotOnRoll(batch.id(), batch.laestab());
        return new Merged(imported, held);
    }

    @Override
    public void clear(Batch batch) {
        db.sql("delete from stage_exclusions where batch_id = ?").param(batch.id()).update();
    }
}
