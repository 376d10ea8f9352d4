package org.rollbridge.hub.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.RecordRef;
import org.rollbridge.core.validation.Rule;
import org.rollbridge.core.validation.Severity;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.store.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A batch's findings (batch_findings, from which {@link BatchReports} rebuilds its report) and the records held
 * back because they have errors (held_records, reason ERROR), written with COPY in the caller's transaction.
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

    /** The batch's stored findings, in the order found. */
    List<Finding> of(UUID batchId) {
        return db.sql("""
                select rule_id, severity, upn, position, line, forename, surname, nc_year, field, value, message, fix
                from batch_findings where batch_id = ? order by seq""")
                .param(batchId)
                .query((rs, n) -> {
                    Optional<Rule> rule = rule(rs.getString("rule_id"));
                    return rule.isEmpty() ? Optional.<Finding>empty() : Optional.of(new Finding(rule.get(),
                            rs.getString("severity").equals("warning") ? Severity.WARNING : Severity.ERROR,
                            new RecordRef(rs.getString("upn"), (Integer) rs.getObject("position"),
                                    (Long) rs.getObject("line"), rs.getString("forename"), rs.getString("surname"),
                                    rs.getString("nc_year")),
                            rs.getString("field"), rs.getString("value"), rs.getString("message"), rs.getString("fix")));
                })
                .list().stream().flatMap(Optional::stream).toList();
    }

    /** Findings stored before the rule catalogue was wired in carry other ids; they are left out. */
    private static Optional<Rule> rule(String id) {
        try {
            return Optional.of(Rule.valueOf(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
