package org.rollbridge.hub.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollbridge.core.validation.FileKind;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.RecordRef;
import org.rollbridge.core.validation.Rule;
import org.rollbridge.core.validation.SchoolRef;
import org.rollbridge.core.validation.Severity;
import org.rollbridge.core.validation.ValidationReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A processed batch's validation report rebuilt from its stored findings, so it can be written by core's report
 * writers in the formats {@code rollbridge validate} writes (JSON to docs/validation-report.schema.json, CSV safe
 * against formula injection, and the school's HTML page). The file is named by the sender's batch id.
 */
@Component
public class BatchReports {

    private final JdbcClient db;

    public BatchReports(JdbcClient db) {
        this.db = db;
    }

    /** The batch's report, once it has one (completed or refused). */
    public Optional<ValidationReport> of(Batch batch) {
        if (!batch.status().equals("completed") && !batch.status().equals("refused")) {
            return Optional.empty();
        }
        List<Finding> findings = db.sql("""
                select rule_id, severity, upn, position, line, forename, surname, nc_year, field, value, message, fix
                from batch_findings where batch_id = ? order by seq""")
                .param(batch.id())
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
        Set<Integer> heldBack = new HashSet<>();
        findings.stream().filter(f -> f.error() && f.record().position() != null)
                .forEach(f -> heldBack.add(f.record().position()));
        FileKind kind = switch (batch.kind()) {
            case CTF -> FileKind.CTF;
            case ATTENDANCE -> FileKind.ATTENDANCE;
            case EXCLUSIONS -> FileKind.EXCLUSIONS;
        };
        FileReport file = new FileReport(BatchValidation.displayPath(batch), kind,
                SchoolRef.fromLaestab(batch.laestab()).orElse(null),
                batch.recordsRead() == null ? 0 : batch.recordsRead(), heldBack.size(), findings);
        return Optional.of(new ValidationReport(List.of(file)));
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
