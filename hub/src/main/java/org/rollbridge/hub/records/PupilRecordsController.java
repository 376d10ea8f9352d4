package org.rollbridge.hub.records;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.Caller;
import org.rollbridge.hub.access.CredentialFilter;
import org.rollbridge.hub.attendance.PupilMarksQuery;
import org.rollbridge.hub.attendance.YearMarks;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.hub.exclusions.ExclusionQuery;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchStore;
import org.rollbridge.hub.people.PersonIndex;
import org.rollbridge.hub.people.PupilRecordQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API for the LA's own systems and for checking that what the hub holds is what the schools sent: a
 * pupil's current records and enrolments, their marks with the school and batch that sent each, their exclusions.
 * The LA administrator's token only; every call is audited as a view of the pupil (docs/hub.md).
 */
@RestController
public class PupilRecordsController {

    /** The longest span of marks one call returns: three academic years. */
    static final int MAX_DAYS = 3 * 366;

    private final PersonIndex persons;
    private final PupilRecordQuery records;
    private final PupilMarksQuery marks;
    private final ExclusionQuery exclusions;
    private final BatchStore batches;
    private final AuditLog audit;
    private final Clock clock;

    public PupilRecordsController(PersonIndex persons, PupilRecordQuery records, PupilMarksQuery marks,
                                  ExclusionQuery exclusions, BatchStore batches, AuditLog audit, Clock clock) {
        this.persons = persons;
        this.records = records;
        this.marks = marks;
        this.exclusions = exclusions;
        this.batches = batches;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "A pupil's current record from each school and their enrolments (administrator)",
            description = "The pupil is found by current or former UPN. 404 when no person has it.")
    @GetMapping("/api/v1/pupils/{upn}")
    public Map<String, Object> pupil(@PathVariable String upn, HttpServletRequest request) {
        long person = viewed(request, upn, "record and enrolments");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("upn", upn);
        body.put("personId", person);
        body.put("records", records.currentRecords(person));
        body.put("enrolments", records.enrolments(person));
        return body;
    }

    @Operation(summary = "A pupil's session marks by date and session, with the school and batch that sent each "
            + "(administrator)", description = "from and to are dates (yyyy-mm-dd), both included; to defaults to "
            + "today and from to 1 August of to's academic year; at most three years. Each mark: date, session (AM "
            + "or PM), code as the school sent it, laestab, batch (the hub's batch id; batches gives the sender's "
            + "batch id and when it was received).")
    @GetMapping("/api/v1/pupils/{upn}/attendance")
    public Map<String, Object> attendance(@PathVariable String upn, @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to, HttpServletRequest request) {
        LocalDate end = to == null ? LocalDate.now(clock) : date("to", to);
        LocalDate start = from == null ? YearMarks.yearStart(YearMarks.academicYear(end)) : date("from", from);
        if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new Refusal.Invalid("from " + start + " to " + end + " is not a span of marks: from must be on or "
                    + "before to, and at most three years before it");
        }
        long person = viewed(request, upn, "attendance " + start + " to " + end);
        List<PupilMarksQuery.SessionMark> sessions = marks.sessions(person, start, end);
        Map<String, Object> sent = new LinkedHashMap<>();
        sessions.stream().map(PupilMarksQuery.SessionMark::batch).filter(Objects::nonNull).distinct()
                .forEach(id -> batches.find(id).ifPresent(b -> sent.put(id.toString(), batchView(b))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("upn", upn);
        body.put("from", start);
        body.put("to", end);
        body.put("marks", sessions);
        body.put("batches", sent);
        return body;
    }

    @Operation(summary = "A pupil's suspensions and permanent exclusions at every school (administrator)")
    @GetMapping("/api/v1/pupils/{upn}/exclusions")
    public Map<String, Object> exclusions(@PathVariable String upn, HttpServletRequest request) {
        long person = viewed(request, upn, "exclusions");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("upn", upn);
        body.put("exclusions", exclusions.of(person));
        return body;
    }

    /** The person the UPN leads to, the call audited either way; only the administrator's token may ask. */
    private long viewed(HttpServletRequest request, String upn, String what) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        Long person = persons.byUpn(upn.strip()).orElse(null);
        audit.read(caller, AuditAction.VIEW_PUPIL, person == null ? null : "person:" + person, "read API: " + what,
                person == null ? Pupils.upns(List.of(upn.strip())) : Pupils.person(person),
                person == null ? "not_found" : "ok");
        if (person == null) {
            throw new Refusal.NotFound("No pupil with UPN " + upn + " is known to the LA");
        }
        return person;
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal.Invalid(name + " '" + text + "' is not a date; write it as yyyy-mm-dd, e.g. 2025-09-01");
        }
    }

    private static Map<String, Object> batchView(Batch b) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("batchId", b.clientBatchId());
        v.put("kind", b.kind().id());
        v.put("receivedAt", b.receivedAt().toString());
        return v;
    }
}
