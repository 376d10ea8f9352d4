package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rollbridge.core.pupil.CorrectableField;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.Rule;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.ValidationReport;
import org.rollbridge.core.validation.report.ReportFormat;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.FieldAccess;
import org.rollbridge.hub.access.FieldGroup;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.OrganisationKind;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchController;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.BatchReports;
import org.rollbridge.hub.ingest.BatchStore;
import org.rollbridge.hub.ingest.HeldRecordQuery;
import org.rollbridge.hub.reconciliation.ReconciliationQuery;
import org.rollbridge.hub.people.RectificationQuery;
import org.rollbridge.hub.schools.SchoolPauses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The school pages: each school's feed freshness (the last completed batch of each feed, and how many school days
 * old it is), its recent batches with their reports, the latest validation report's findings by rule with the fix,
 * the records held back (with the LA's question on those that matched nobody, which the school's own roles answer),
 * and where the school's MIS disagrees with a correction the LA made. LA roles see their LA's schools; a school data manager sees only their own school.
 * A school the user may not see is "not found", so nothing leaks by status.
 */
@Hidden
@Controller
public class SchoolPage {

    /** A feed whose last completed batch is older than this many school days is overdue. */
    static final int OVERDUE_AFTER_SCHOOL_DAYS = 2;
    private static final int RECENT_BATCHES = 10;
    static final int HELD_SHOWN = 200;

    private final SchoolQuery schools;
    private final HeldRecordQuery heldRecords;
    private final BatchStore batches;
    private final BatchReports reports;
    private final SchoolPauses pauses;
    private final AuditLog audit;
    private final Clock clock;
    private final ReconciliationQuery reconciliations;
    private final RectificationQuery rectifications;

    public SchoolPage(SchoolQuery schools, HeldRecordQuery heldRecords, BatchStore batches, BatchReports reports,
                      SchoolPauses pauses, AuditLog audit, Clock clock, ReconciliationQuery reconciliations,
                      RectificationQuery rectifications) {
        this.reconciliations = reconciliations;
        this.rectifications = rectifications;
        this.schools = schools;
        this.heldRecords = heldRecords;
        this.batches = batches;
        this.reports = reports;
        this.pauses = pauses;
        this.audit = audit;
        this.clock = clock;
    }

    /** One feed's freshness: when its last batch completed and how old that is. */
    public record Freshness(String feed, OffsetDateTime lastCompleted, Integer schoolDaysOld, boolean overdue) {
        public String age() {
            if (schoolDaysOld == null) {
                return "No batch yet";
            }
            return schoolDaysOld == 0 ? "Today" : schoolDaysOld + (schoolDaysOld == 1 ? " school day" : " school days");
        }
    }

    public record SchoolRow(String laestab, String name, boolean paused, List<Freshness> feeds) {
    }

    public record RuleGroup(String ruleId, String severity, int count, String explanation, String fix) {
    }

    /**
     * A held record as the page shows it; {@code asked} when the school is asked the LA's question about it,
     * {@code schoolSays} its answer in words (null while unanswered).
     */
    public record Held(long id, String feed, String location, String reason, String ruleId, String field, String upn,
                       String detail, OffsetDateTime createdAt, boolean asked, String schoolSays) {
    }

    @GetMapping("/schools")
    public String list(Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        List<SchoolRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> school : visibleSchools(user).entrySet()) {
            rows.add(new SchoolRow(school.getKey(), school.getValue(), pauses.paused(school.getKey()),
                    freshness(school.getKey())));
        }
        model.addAttribute("schools", rows);
        model.addAttribute("overdueAfter", OVERDUE_AFTER_SCHOOL_DAYS);
        return "schools";
    }

    @GetMapping("/schools/{laestab}")
    public String school(@PathVariable String laestab, @RequestParam(required = false) Long answered,
                         Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        String name = requireVisible(user, laestab);
        boolean identity = FieldAccess.shows(user.role(), FieldGroup.IDENTITY);
        List<Batch> recent = batches.recent(laestab, RECENT_BATCHES);
        Optional<Batch> latest = recent.stream().filter(b -> reports.of(b).isPresent()).findFirst();
        model.addAttribute("laestab", laestab);
        model.addAttribute("name", name);
        model.addAttribute("paused", pauses.current(laestab).filter(SchoolPauses.State::paused).orElse(null));
        model.addAttribute("feeds", freshness(laestab));
        model.addAttribute("reconciliation", reconciliations.status(laestab).orElse(null));
        model.addAttribute("overdueAfter", OVERDUE_AFTER_SCHOOL_DAYS);
        model.addAttribute("batches", recent);
        model.addAttribute("latest", latest.orElse(null));
        model.addAttribute("rules", latest.flatMap(reports::of).map(SchoolPage::byRule).orElse(List.of()));
        List<Held> held = held(laestab, identity, user.organisation().kind() != OrganisationKind.LA);
        model.addAttribute("held", held);
        model.addAttribute("answers", user.may(Capability.ANSWER_HELD));
        model.addAttribute("waiting", held.stream().filter(h -> h.asked() && h.schoolSays() == null).count());
        model.addAttribute("answered", answered);
        model.addAttribute("identity", identity);
        audit.read(user, AuditAction.VIEW_SCHOOL, "school:" + laestab, held.size() + " held record(s) listed",
                Pupils.upns(held.stream().map(Held::upn).toList()), "ok");
        model.addAttribute("exportable", user.may(Capability.PUPIL_EXPORT));
        boolean address = FieldAccess.shows(user.role(), FieldGroup.ADDRESS);
        model.addAttribute("disagreements", !identity ? List.of() : rectifications.disagreements(laestab).stream()
                .filter(d -> address || !CorrectableField.POSTCODE.id().equals(d.field())).toList());
        return "school";
    }

    /** A batch's report as the school's HTML page (core's writer, as {@code rollbridge validate --format html}). */
    @GetMapping("/schools/{laestab}/batches/{id}/report")
    public ResponseEntity<byte[]> report(@PathVariable String laestab, @PathVariable String id,
                                         Authentication authentication) throws IOException {
        HubUser user = SignedIn.user(authentication);
        requireVisible(user, laestab);
        Batch batch = uuid(id).flatMap(batches::find).filter(b -> b.laestab().equals(laestab))
                .orElseThrow(SchoolPage::notFound);
        // The report names the school as the hub knows it, not only by the codes in the file.
        String name = visibleSchools(user).get(laestab);
        ValidationReport report = new ValidationReport(reports.of(batch).orElseThrow(SchoolPage::notFound).files()
                .stream().map(f -> new FileReport(f.path(), f.kind(), f.school() == null ? null
                        : f.school().named(name), f.records(), f.recordsWithErrors(), f.findings())).toList());
        audit.read(user, AuditAction.VIEW_REPORT, "batch:" + batch.id(), "html report of school " + laestab,
                Pupils.upns(BatchReports.upns(report)), "ok");
        return BatchController.reportResponse(report, ReportFormat.HTML, batch);
    }

    /** Schools the user may see, by LAESTAB with their names: their own school, or their LA's schools. */
    private Map<String, String> visibleSchools(HubUser user) {
        return schools.of(user.organisation());
    }

    private String requireVisible(HubUser user, String laestab) {
        Map<String, String> visible = visibleSchools(user);
        if (!visible.containsKey(laestab)) {
            throw notFound();
        }
        String name = visible.get(laestab);
        return name == null || name.isBlank() ? "School " + laestab : name;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no school or batch here that you can see");
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private List<Freshness> freshness(String laestab) {
        Map<String, OffsetDateTime> last = batches.lastCompleted(laestab);
        LocalDate today = LocalDate.now(clock);
        List<Freshness> feeds = new ArrayList<>();
        for (BatchKind kind : BatchKind.values()) {
            OffsetDateTime at = last.get(kind.id());
            Integer age = at == null ? null : schoolDaysBetween(
                    at.atZoneSameInstant(clock.getZone()).toLocalDate(), today);
            feeds.add(new Freshness(kind.id(), at, age, age == null || age > OVERDUE_AFTER_SCHOOL_DAYS));
        }
        return feeds;
    }

    /** School days (Monday to Friday) after {@code from} up to and including {@code to}. */
    static int schoolDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    /** The report's findings by rule, in catalogue order, with how many records each rule found. */
    static List<RuleGroup> byRule(ValidationReport report) {
        Map<Rule, List<Finding>> groups = new java.util.TreeMap<>();
        report.files().forEach(f -> f.findings().forEach(x -> groups.computeIfAbsent(x.rule(),
                r -> new ArrayList<>()).add(x)));
        List<RuleGroup> out = new ArrayList<>();
        groups.forEach((rule, findings) -> out.add(new RuleGroup(rule.id(), findings.get(0).severity().label(),
                findings.size(), rule.explanation(), rule.fix())));
        return out;
    }

    /**
     * Records held back for this school; UPN and detail only for roles shown pupils' identity, and outside the LA
     * as the school reads them (nothing of what the LA knows of a pupil).
     */
    private List<Held> held(String laestab, boolean identity, boolean outsideLa) {
        return heldRecords.stillHeld(laestab, HELD_SHOWN, outsideLa).stream()
                .map(h -> new Held(h.id(), h.feed(), h.location(), h.reason(), h.ruleId(), h.field(),
                        identity ? h.upn() : null, identity ? h.detail() : null, h.createdAt(), h.asked(),
                        h.schoolAnswer() == null ? null : h.schoolAnswer().says()))
                .toList();
    }
}
