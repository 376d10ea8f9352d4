package org.rollbridge.hub.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollbridge.core.validation.FileKind;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.SchoolRef;
import org.rollbridge.core.validation.ValidationReport;
import org.springframework.stereotype.Component;

/**
 * A processed batch's validation report rebuilt from its stored findings, so it can be written by core's report
 * writers in the formats {@code rollbridge validate} writes (JSON to docs/validation-report.schema.json, CSV safe
 * against formula injection, and the school's HTML page). The file is named by the sender's batch id.
 */
@Component
public class BatchReports {

    private final FindingStore findings;

    public BatchReports(FindingStore findings) {
        this.findings = findings;
    }

    /** The UPNs a report names (its findings' pupils): what the audit log keeps of a read of it. */
    public static List<String> upns(ValidationReport report) {
        return report.files().stream().flatMap(f -> f.findings().stream()).map(f -> f.record().upn())
                .filter(u -> u != null && !u.isBlank()).distinct().toList();
    }

    /** The batch's report, once it has one (completed or refused). */
    public Optional<ValidationReport> of(Batch batch) {
        if (!batch.status().equals("completed") && !batch.status().equals("refused")) {
            return Optional.empty();
        }
        List<Finding> findings = this.findings.of(batch.id());
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
}
