package org.rollbridge.hub.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.RecordRef;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.store.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A batch's findings (batch_findings, read back by {@link BatchReports}) and the records held back because they
 * have errors (held_records, reason ERROR), written with COPY in the caller's transaction.
 */
@Component
public class FindingStore {

    private final JdbcClient db;
    private final DataSource dataSource;
    private final HubProperties settings;

    public FindingStore(JdbcClient db, DataSource dataSource, HubProperties settings) {
        this.db = db;
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** Replaces the batch's findings with the report's. */
    void replace(Batch batch, FileReport file) {
        db.sql("delete from batch_findings where batch_id = ?").param(batch.id()).update();
        try (CopyRows findings = CopyRows.inTransaction(dataSource, "batch_findings", "batch_id, la, seq, severity, "
                + "rule_id, location, message, field, value, fix, upn, position, line, forename, surname, nc_year")) {
            int seq = 0;
            for (Finding f : file.findings()) {
                RecordRef r = f.record();
                findings.field(batch.id()).field(settings.la()).field(++seq).field(f.severity().label())
                        .field(f.rule().id()).field(BatchPipeline.location(batch, r)).field(f.message())
                        .field(f.field()).field(f.value()).field(f.fix()).field(r.upn()).field(r.position())
                        .field(r.line()).field(r.forename()).field(r.surname()).field(r.ncYear()).endRow();
            }
        }
    }

    /** One held record (reason ERROR) per record with errors, naming its first error's rule and field. */
    void holdErrors(Batch batch, FileReport file) {
        Map<Integer, List<Finding>> byRecord = new LinkedHashMap<>();
        for (Finding f : file.findings()) {
            if (f.error() && f.record().position() != null) {
                byRecord.computeIfAbsent(f.record().position(), p -> new ArrayList<>()).add(f);
            }
        }
        try (CopyRows held = CopyRows.inTransaction(dataSource, "held_records", "la, batch_id, laestab, feed, "
                + "location, upn, reason, detail, rule_id, field")) {
            for (List<Finding> errors : byRecord.values()) {
                Finding first = errors.get(0);
                String detail = errors.stream().map(f -> f.rule().id() + " (" + f.field() + "): " + f.message())
                        .collect(Collectors.joining("; "));
                held.field(settings.la()).field(batch.id()).field(batch.laestab()).field(batch.kind().id())
                        .field(BatchPipeline.location(batch, first.record())).field(first.record().upn())
                        .field("ERROR").field(detail).field(first.rule().id()).field(first.field()).endRow();
            }
        }
    }
}
