package org.rollbridge.hub.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import org.rollbridge.core.identity.Laestab;
import org.rollbridge.core.validation.ValidationReport;
import org.rollbridge.core.validation.report.ReportFormat;
import org.rollbridge.hub.UploadSettings;
import org.rollbridge.hub.access.Caller;
import org.rollbridge.hub.access.CredentialFilter;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** The ingest API: schools upload batches; anyone allowed to see a batch reads its status and report. */
@RestController
public class BatchController {

    static final String BATCH_ID_HEADER = "Idempotency-Key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BatchIntake intake;
    private final BatchStore batches;
    private final BatchReports reports;
    private final SchoolQuota quota;
    private final long maxCompressionRatio;
    private final AuditLog audit;

    public BatchController(BatchIntake intake, BatchStore batches, BatchReports reports, SchoolQuota quota,
                           UploadSettings uploads, AuditLog audit) {
        this.reports = reports;
        this.quota = quota;
        this.maxCompressionRatio = uploads.maxCompressionRatio();
        this.audit = audit;
        this.intake = intake;
        this.batches = batches;
    }

    @PostMapping("/api/v1/schools/{laestab}/batches")
    public ResponseEntity<Map<String, Object>> upload(
            @PathVariable String laestab,
            @RequestHeader(name = BATCH_ID_HEADER, required = false) String batchId,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestHeader(name = "Content-Encoding", required = false) String encoding,
            @RequestParam(name = "kind", required = false) String kindParam,
            @RequestParam(name = "filename", required = false) String fileName,
            @RequestParam(name = "replaces", required = false) String replacesParam,
            @RequestParam(name = "scope", required = false) String scopeParam,
            HttpServletRequest request) throws IOException {
        CredentialFilter.callerOf(request).requireSchool(laestab);
        if (Laestab.parse(laestab).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'" + laestab + "' is not a LAESTAB (7 digits: LA code + establishment number)");
        }
        if (batchId == null || batchId.isBlank() || batchId.length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send the batch's own id in the "
                    + BATCH_ID_HEADER + " header (1 to 200 characters); a redelivery reuses the same id");
        }
        BatchKind kind = kind(kindParam, contentType);
        ReplacedSpan replaces = replaces(replacesParam, scopeParam, kind);
        boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
        if (!gzip && encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding '" + encoding + "' is not accepted; send gzip or no encoding");
        }
        Optional<SchoolQuota.Exceeded> exceeded = quota.exceeded(laestab);
        if (exceeded.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(Math.max(1, exceeded.get().retryAfter().toSeconds())))
                    .body(Map.of("status", 429, "error", "Too Many Requests", "message", exceeded.get().message()));
        }
        BatchIntake.Outcome outcome;
        try {
            // Inside the try: the gzip header is read here, and a body that is not gzip is the sender's error.
            InputStream body = gzip ? new GzipBody(request.getInputStream(), maxCompressionRatio)
                    : request.getInputStream();
            outcome = intake.receive(laestab, batchId.strip(), kind, "api", fileName, replaces, body);
        } catch (UploadStore.TooLarge | GzipBody.TooCompressed e) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        } catch (java.util.zip.ZipException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The body is not valid gzip (" + e.getMessage() + "); send it again");
        } catch (BatchIntake.ConflictingRedelivery e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        URI location = URI.create("/api/v1/batches/" + outcome.batch().id());
        Map<String, Object> view = view(outcome.batch(), false);
        return outcome.created()
                ? ResponseEntity.accepted().location(location).body(view)
                : ResponseEntity.ok().location(location).body(view);
    }

    /**
     * The span a replacing batch replaces (null for an ordinary batch); {@code scope=school}: an attendance batch
     * that is the school's whole export over the span. Refused before the body is read, so nothing is stored.
     */
    private static ReplacedSpan replaces(String param, String scope, BatchKind kind) {
        if (param == null) {
            if (scope != null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "scope is for a batch that replaces a "
                        + "span: send it with replaces=yyyy-mm-dd..yyyy-mm-dd");
            }
            return null;
        }
        if (kind == BatchKind.CTF) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "replaces is for the attendance and "
                    + "exclusions feeds; a CTF is the pupils' records as they are");
        }
        ReplacedSpan span = ReplacedSpan.parse(param).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "replaces '" + param + "' is not a span of days: send "
                        + "yyyy-mm-dd..yyyy-mm-dd, the first on or before the last"));
        if (scope == null) {
            return span;
        }
        if (!scope.equals("school") || kind != BatchKind.ATTENDANCE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "scope '" + scope + "' cannot be used "
                    + "here: send scope=school only with an attendance batch that is the school's whole export over "
                    + "the span (an exclusions batch that replaces a span always replaces the school's)");
        }
        return span.ofSchool();
    }

    private static BatchKind kind(String kindParam, String contentType) {
        if (kindParam != null) {
            return BatchKind.parse(kindParam).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "kind '" + kindParam + "' is not a feed; use ctf, attendance or exclusions"));
        }
        if (contentType != null && contentType.toLowerCase().contains("xml")) {
            return BatchKind.CTF;
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Say which feed this is: send a CTF as "
                + "application/xml, or add ?kind=attendance or ?kind=exclusions for a CSV");
    }

    /**
     * The batch's status. Once it has a report, its first findings come with it, and their messages can name
     * pupils (a UPN that is wrong, or used twice): such a read is audited with the UPNs the answer shows.
     */
    @GetMapping("/api/v1/batches/{id}")
    public Map<String, Object> batch(@PathVariable String id, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        Batch batch = visibleBatch(id, caller);
        if (batch.report() != null) {
            List<String> shown = reports.of(batch).map(BatchReports::upns).orElse(List.of()).stream()
                    .filter(batch.report()::contains).toList();
            if (!shown.isEmpty()) {
                audit.read(caller, AuditAction.VIEW_REPORT, "batch:" + batch.id(), "status of school "
                        + batch.laestab() + " through the API, its findings naming pupils", Pupils.upns(shown), "ok");
            }
        }
        return view(batch, true);
    }

    /** The batch, if the caller may see it: another school's batch is not found, so its owner is never named. */
    private Batch visibleBatch(String id, Caller caller) {
        return parse(id).flatMap(batches::find)
                .filter(b -> caller.admin() || caller.laestab().equals(b.laestab()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No batch " + id));
    }

    /**
     * The batch's validation report as {@code rollbridge validate} writes it: json (the default), csv or html. A
     * school sees only its own batches; another school's batch is not found, as if it did not exist.
     */
    @Operation(summary = "The batch's validation report, as rollbridge validate writes it",
            description = "format=json (default; docs/validation-report.schema.json), csv (formula-injection safe) or "
                    + "html (the school's report page). 404 for another school's batch; 409 until the batch is "
                    + "completed or refused.")
    @GetMapping("/api/v1/batches/{id}/report")
    public ResponseEntity<byte[]> report(@PathVariable String id,
                                         @RequestParam(name = "format", defaultValue = "json") String formatParam,
                                         HttpServletRequest request) throws IOException {
        Caller caller = CredentialFilter.callerOf(request);
        ReportFormat format = reportFormat(formatParam);
        Batch batch = visibleBatch(id, caller);
        ValidationReport report = reports.of(batch).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.CONFLICT, "Batch " + id + " is " + batch.status() + ": it has a report once it is "
                        + "completed or refused; read its status at /api/v1/batches/" + id));
        audit.read(caller, AuditAction.VIEW_REPORT, "batch:" + batch.id(), format.name().toLowerCase()
                + " report of school " + batch.laestab() + " through the API",
                Pupils.upns(BatchReports.upns(report)), "ok");
        return reportResponse(report, format, batch);
    }

    /** json, csv or html: the formats a school's report is read in. */
    public static ReportFormat reportFormat(String text) {
        return ReportFormat.parse(text).filter(f -> f != ReportFormat.TEXT)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "format '" + text + "' is not a report format; use json, csv or html"));
    }

    /**
     * The report in a format, with its content type. The HTML page is self-contained with inline styles only, so
     * it carries its own policy allowing those and nothing else.
     */
    public static ResponseEntity<byte[]> reportResponse(ValidationReport report, ReportFormat format, Batch batch)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(report, out);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        switch (format) {
            case CSV -> ok.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("batch-" + batch.id() + "-report.csv").build().toString());
            case HTML -> ok.contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", HTML_REPORT_POLICY);
            default -> ok.contentType(MediaType.APPLICATION_JSON);
        }
        return ok.body(out.toByteArray());
    }

    static final String HTML_REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Map<String, Object> view(Batch b, boolean withFindings) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", b.id().toString());
        v.put("url", "/api/v1/batches/" + b.id());
        v.put("laestab", b.laestab());
        v.put("batchId", b.clientBatchId());
        v.put("kind", b.kind().id());
        v.put("status", b.status());
        v.put("contentSha256", b.contentSha256());
        v.put("sizeBytes", b.sizeBytes());
        v.put("receivedAt", b.receivedAt().toString());
        v.put("completedAt", b.completedAt() == null ? null : b.completedAt().toString());
        if (b.recordsRead() != null) {
            v.put("records", Map.of("read", b.recordsRead(), "imported", b.recordsImported(), "held", b.recordsHeld()));
        }
        if (withFindings && b.report() != null) {
            v.put("report", JSON.readTree(b.report()));
        }
        return v;
    }

}
