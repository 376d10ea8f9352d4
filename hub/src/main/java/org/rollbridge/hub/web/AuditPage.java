package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rollbridge.core.validation.report.CsvReport;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * LA administrators search the audit log by dates, user, pupil (UPN) and action, a page at a time, and export what
 * they found as CSV. The search and the export are audited themselves, with their filters.
 */
@Hidden
@Controller
public class AuditPage {

    static final int PER_PAGE = 50;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    private final AuditLog audit;
    private final Clock clock;

    public AuditPage(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The filters as typed, and what was wrong with them (field id to message). */
    record Filters(String from, String to, String actor, String upn, String action, Map<String, String> errors,
                   AuditLog.Search search) {

        static Filters of(String from, String to, String actor, String upn, String action, Clock clock) {
            Map<String, String> errors = new LinkedHashMap<>();
            LocalDate fromDay = day("from", from, errors);
            LocalDate toDay = day("to", to, errors);
            AuditAction wanted = null;
            if (action != null && !action.isBlank()) {
                try {
                    wanted = AuditAction.valueOf(action.strip());
                } catch (IllegalArgumentException e) {
                    errors.put("action", "Choose an action from the list");
                }
            }
            if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
                errors.put("to", "The date to must be the same as or after the date from");
            }
            return new Filters(blank(from), blank(to), blank(actor), blank(upn), blank(action), errors,
                    new AuditLog.Search(blank(actor).isEmpty() ? null : actor.strip(), wanted, null,
                            blank(upn).isEmpty() ? null : upn.strip(),
                            fromDay == null ? null : fromDay.atStartOfDay(clock.getZone()).toInstant(),
                            toDay == null ? null : toDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        }

        private static LocalDate day(String field, String text, Map<String, String> errors) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                errors.put(field, "Enter the date " + field + " as a real day, month and year, for example 7 12 2026");
                return null;
            }
        }

        private static String blank(String s) {
            return s == null ? "" : s.strip();
        }

        /** The filters as the audit row of the search records them. */
        String described() {
            return "from=" + from + " to=" + to + " actor=" + actor + " upn=" + upn + " action=" + action;
        }

        /** The query string of these filters, for the paging and export links. */
        String query() {
            return List.of("from=" + from, "to=" + to, "actor=" + actor, "upn=" + upn, "action=" + action).stream()
                    .map(p -> p.substring(0, p.indexOf('=') + 1) + java.net.URLEncoder.encode(
                            p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    @GetMapping("/audit")
    public String search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String actor, @RequestParam(required = false) String upn,
                         @RequestParam(required = false) String action,
                         @RequestParam(required = false, defaultValue = "1") String page,
                         Authentication authentication, Model model, HttpServletResponse response) {
        HubUser user = SignedIn.user(authentication);
        Filters filters = Filters.of(from, to, actor, upn, action, clock);
        int wanted = page.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1;
        model.addAttribute("filters", filters);
        model.addAttribute("actions", AuditAction.values());
        if (!filters.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit";
        }
        AuditLog.Page found = audit.search(filters.search(), wanted, PER_PAGE);
        audit.read(user, AuditAction.AUDIT_SEARCH, "audit-log", filters.described() + " page=" + wanted + ": "
                + found.total() + " event(s)", pupilsSearched(filters), "ok");
        model.addAttribute("found", found);
        model.addAttribute("events", found.events().stream().map(AuditPage::row).toList());
        model.addAttribute("query", filters.query());
        return "audit";
    }

    /** The search's result as CSV (up to {@link AuditLog#MOST_EXPORTED} events), formula-injection safe. */
    @GetMapping("/audit/export")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String actor,
                                         @RequestParam(required = false) String upn,
                                         @RequestParam(required = false) String action,
                                         Authentication authentication) throws IOException {
        HubUser user = SignedIn.user(authentication);
        Filters filters = Filters.of(from, to, actor, upn, action, clock);
        if (!filters.errors().isEmpty()) {
            throw new org.rollbridge.hub.Refusal.Invalid(String.join("; ", filters.errors().values()));
        }
        List<AuditLog.Event> events = audit.export(filters.search());
        audit.read(user, AuditAction.AUDIT_EXPORT, "audit-log", filters.described() + ": " + events.size()
                + " event(s) exported", pupilsSearched(filters), "ok");
        StringWriter text = new StringWriter();
        CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180);
        csv.printRecord(COLUMNS);
        for (AuditLog.Event e : events) {
            List<Object> cells = new ArrayList<>(List.of(e.id(), e.at().toString()));
            cells.addAll(java.util.Arrays.asList(e.actor(), e.role(), e.action().name(), e.subject(), e.reason(),
                    e.detail(), e.outcome(), join(e.pupils().persons()), join(e.pupils().upns())));
            csv.printRecord(cells.stream().map(CsvReport::cell).toList());
        }
        csv.flush();
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(clock)) + ".csv")
                        .build().toString())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static final List<String> COLUMNS = List.of("id", "at", "actor", "role", "action", "subject", "reason", "detail",
            "outcome", "persons", "upns");

    /** One event as the table shows it: London time, and the pupils it names. */
    record Row(String at, String actor, String role, String action, String subject, String reason, String detail,
               String outcome, String pupils) {
    }

    static Row row(AuditLog.Event e) {
        List<String> pupils = new ArrayList<>();
        e.pupils().persons().forEach(p -> pupils.add("person " + p));
        pupils.addAll(e.pupils().upns());
        return new Row(SHOWN.format(e.at().atZone(java.time.ZoneId.of("Europe/London"))),
                e.actor() == null ? "(unknown account)" : e.actor(), e.role(), e.action().name(), e.subject(),
                e.reason(), e.detail(), e.outcome(), pupils.size() > 20
                        ? String.join(", ", pupils.subList(0, 20)) + " and " + (pupils.size() - 20) + " more"
                        : String.join(", ", pupils));
    }

    private static Pupils pupilsSearched(Filters filters) {
        return filters.upn().isEmpty() ? Pupils.NONE : Pupils.upns(List.of(filters.upn().toUpperCase(Locale.ROOT)));
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
