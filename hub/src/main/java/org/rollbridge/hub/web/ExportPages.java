package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.alerts.AlertCaseQuery;
import org.rollbridge.hub.alerts.AlertDecisions;
import org.rollbridge.hub.attendance.PupilYearQuery;
import org.rollbridge.hub.exports.PupilExports;
import org.rollbridge.hub.ingest.HeldRecordQuery;
import org.rollbridge.hub.people.PupilRecordQuery;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pupil-level exports for roles with whole-system access (the LA administrator; {@code PageAccess} refuses every
 * other role): an alert queue, a cohort of the LA overview, a school's held records and a pupil search's result,
 * each the rows its page lists. The user states the purpose, the hub makes the password-protected XLSX and shows
 * its password once, beside the link to download the file once.
 */
@Hidden
@Controller
public class ExportPages {

    static final List<String> ALERT_COLUMNS = List.of("Case", "Person", "School (LAESTAB)", "Status", "Figure",
            "Latest evidence", "Due", "Assigned to");
    static final List<String> COHORT_COLUMNS = List.of("Person", "UPN", "Surname", "Forename", "Date of birth",
            "School (LAESTAB)", "NC year", "Possible sessions", "Absence sessions", "Unauthorised absence sessions",
            "Attendance %", "Persistently absent", "Severely absent", "Suspensions", "Permanent exclusions");
    static final List<String> HELD_COLUMNS = List.of("Held record", "Feed", "Where", "Reason", "Rule", "Field",
            "UPN", "Detail", "Held since");
    static final List<String> SEARCH_COLUMNS = List.of("Person", "UPN", "Surname", "Forename", "Date of birth",
            "Sex", "NC year", "Postcode", "School (LAESTAB)");

    /** A box of the form: what the export is of, filled in from the page it was opened from. */
    public record Field(String name, String label, String value) {
    }

    private final AlertDecisions decisions;
    private final PupilExports exports;
    private final AttendanceFiguresQuery attendance;
    private final PupilYearQuery pupilYears;
    private final HeldRecordQuery heldRecords;
    private final SchoolQuery schools;
    private final PupilSearch search;
    private final PupilRecordQuery records;
    private final Clock clock;

    public ExportPages(AlertDecisions decisions, PupilExports exports, AttendanceFiguresQuery attendance,
                       PupilYearQuery pupilYears, HeldRecordQuery heldRecords, SchoolQuery schools,
                       PupilSearch search, PupilRecordQuery records, Clock clock) {
        this.decisions = decisions;
        this.exports = exports;
        this.attendance = attendance;
        this.pupilYears = pupilYears;
        this.heldRecords = heldRecords;
        this.schools = schools;
        this.search = search;
        this.records = records;
        this.clock = clock;
    }

    @GetMapping("/exports/alerts")
    public String alertForm(@RequestParam(required = false) String kind,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String laestab,
                            @RequestParam(required = false) String year,
                            @RequestParam(required = false) String unassigned,
                            @RequestParam(required = false) String overdue,
                            @RequestParam(required = false) String mine, Model model) {
        return form(model, "an alert queue", "/exports/alerts", new Field("kind", "Alert kind", kind),
                new Field("status", "Status", status == null ? "open" : status),
                new Field("laestab", "School (LAESTAB, optional)", laestab),
                new Field("year", "Year group (optional)", year),
                new Field("unassigned", "Only cases assigned to nobody (yes, or empty for all)", unassigned),
                new Field("overdue", "Only overdue cases (yes, or empty for all)", overdue),
                new Field("mine", "Only cases assigned to me (yes, or empty for all)", mine));
    }

    @PostMapping("/exports/alerts")
    public String exportAlerts(@RequestParam String kind, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String laestab,
                               @RequestParam(required = false) String year,
                               @RequestParam(required = false) String unassigned,
                               @RequestParam(required = false) String overdue,
                               @RequestParam(required = false) String mine,
                               @RequestParam(required = false) String purpose, Authentication authentication,
                               Model model) {
        String why = purpose(purpose);
        HubUser user = SignedIn.user(authentication);
        String shownStatus = blank(status) ? "open" : status;
        String school = blank(laestab) ? null : laestab;
        String yearGroup = blank(year) ? null : year.strip();
        // The queue's own filters, so the file holds the cases the officer was looking at.
        boolean onlyUnassigned = AlertPages.checked(unassigned);
        boolean onlyOverdue = AlertPages.checked(overdue);
        boolean onlyMine = AlertPages.checked(mine);
        List<AlertCaseQuery.Case> cases = decisions.queue(AlertPages.viewer(user), new AlertCaseQuery.Filter(kind,
                shownStatus, school, onlyMine ? user.username() : null, yearGroup, onlyUnassigned,
                onlyOverdue ? LocalDate.now(clock) : null));
        List<PupilExports.Line> lines = new ArrayList<>();
        for (AlertCaseQuery.Case c : cases) {
            lines.add(PupilExports.Line.ofPerson(c.personId(), List.of(String.valueOf(c.id()),
                    String.valueOf(c.personId()), c.laestab(), c.status(),
                    c.figure() == null ? "" : c.figure() + " " + c.figureUnit(), String.valueOf(c.lastEvidence()),
                    c.dueOn() == null ? "" : c.dueOn().toString(), text(c.assignedTo()))));
        }
        String what = "Alert queue " + kind + " (" + shownStatus + (school == null ? "" : ", school " + school)
                + (yearGroup == null ? "" : ", year " + yearGroup) + (onlyUnassigned ? ", unassigned" : "")
                + (onlyOverdue ? ", overdue" : "") + (onlyMine ? ", assigned to " + user.username() : "") + ")";
        return made(model, user, what, why, ALERT_COLUMNS, lines);
    }

    @GetMapping("/exports/cohort")
    public String cohortForm(@RequestParam(required = false) String cohort,
                             @RequestParam(required = false) String on, Model model) {
        return form(model, "a cohort's pupils", "/exports/cohort",
                new Field("cohort", "Cohort (" + String.join(", ", names()) + ")", cohort),
                new Field("on", "Figures to (year-month-day; empty for the latest)", on));
    }

    /** The cohort's pupils, one line per pupil and school as the LA overview counts them, to its as-of date. */
    @PostMapping("/exports/cohort")
    public String exportCohort(@RequestParam String cohort, @RequestParam(required = false) String on,
                               @RequestParam(required = false) String purpose, Authentication authentication,
                               Model model) {
        String why = purpose(purpose);
        AttendanceFiguresQuery.Cohort chosen = java.util.Arrays.stream(AttendanceFiguresQuery.Cohort.values())
                .filter(c -> c.name().equals(cohort)).findFirst().orElseThrow(() -> new Refusal.Invalid(
                        "There is no cohort '" + cohort + "': choose one of " + String.join(", ", names()) + "."));
        LocalDate asOf = attendance.forLa(blank(on) ? null : on, LocalDate.now(clock)).asOf();
        List<PupilExports.Line> lines = pupilYears.asOf(asOf).stream().filter(chosen::has)
                .map(p -> PupilExports.Line.ofPerson(p.personId(), List.of(String.valueOf(p.personId()),
                        text(p.upn()), text(p.surname()), text(p.forename()), text(p.dob()), p.laestab(),
                        text(p.ncYear()), String.valueOf(p.possible()), String.valueOf(p.absent()),
                        String.valueOf(p.unauthorised()), text(p.attendanceRate()), yesNo(p.persistent()),
                        yesNo(p.severe()), String.valueOf(p.suspensions()),
                        String.valueOf(p.permanentExclusions()))))
                .toList();
        return made(model, SignedIn.user(authentication), "Cohort " + chosen.label() + ", academic year to " + asOf,
                why, COHORT_COLUMNS, lines);
    }

    @GetMapping("/exports/held")
    public String heldForm(@RequestParam(required = false) String laestab, Model model) {
        return form(model, "a school's held records", "/exports/held",
                new Field("laestab", "School (LAESTAB)", laestab));
    }

    /** The records held back for a school, as its page lists them. */
    @PostMapping("/exports/held")
    public String exportHeld(@RequestParam String laestab, @RequestParam(required = false) String purpose,
                             Authentication authentication, Model model) {
        String why = purpose(purpose);
        HubUser user = SignedIn.user(authentication);
        if (!schools.of(user.organisation()).containsKey(laestab)) {
            throw new Refusal.NotFound("There is no school " + laestab + " that you can see.");
        }
        List<PupilExports.Line> lines = heldRecords.stillHeld(laestab, SchoolPage.HELD_SHOWN, false).stream()
                .map(h -> new PupilExports.Line("held-record:" + h.id(), List.of(String.valueOf(h.id()), h.feed(),
                        text(h.location()), h.reason(), text(h.ruleId()), text(h.field()), text(h.upn()),
                        text(h.detail()), text(h.createdAt()))))
                .toList();
        return made(model, user, "Held records of school " + laestab, why, HELD_COLUMNS, lines);
    }

    @GetMapping("/exports/search")
    public String searchForm(@RequestParam(required = false) String upn, Model model) {
        return form(model, "a pupil search's result", "/exports/search",
                new Field("upn", "Unique pupil number (UPN)", upn));
    }

    /** The pupils the search page finds for the UPN, each with their latest record's identity. */
    @PostMapping("/exports/search")
    public String exportSearch(@RequestParam String upn, @RequestParam(required = false) String purpose,
                               Authentication authentication, Model model) {
        String why = purpose(purpose);
        HubUser user = SignedIn.user(authentication);
        List<PupilExports.Line> lines = search.byUpn(user, upn).stream().map(id -> {
            PupilRecordQuery.Identity i = records.latest(id).map(PupilRecordQuery.Latest::identity).orElse(null);
            return PupilExports.Line.ofPerson(id, i == null ? List.of(String.valueOf(id))
                    : List.of(String.valueOf(id), text(i.upn()), text(i.surname()), text(i.forename()),
                    text(i.dob()), text(i.sex()), text(i.ncYear()), text(i.postcode()), text(i.laestab())));
        }).toList();
        return made(model, user, "Pupil search by UPN " + upn.strip(), why, SEARCH_COLUMNS, lines);
    }

    /** The file, once, to the user who made it; the password is not in its name. */
    @GetMapping("/exports/files/{token}")
    public ResponseEntity<byte[]> file(@PathVariable String token, Authentication authentication) {
        return download(exports, token, SignedIn.user(authentication));
    }

    static ResponseEntity<byte[]> download(PupilExports exports, String token, HubUser user) {
        PupilExports.Prepared file = exports.take(token, user)
                .orElseThrow(() -> new Refusal.NotFound("This export has been downloaded or has expired."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TableDownloads.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.bytes());
    }

    private String form(Model model, String what, String action, Field... fields) {
        model.addAttribute("what", what);
        model.addAttribute("action", action);
        model.addAttribute("fields", java.util.Arrays.stream(fields)
                .map(f -> new Field(f.name(), f.label(), text(f.value()))).toList());
        model.addAttribute("agreement", PupilExports.AGREEMENT);
        return "export-form";
    }

    /** The purpose given, asked before anything else: the agreement allows exports for a purpose only. */
    private static String purpose(String purpose) {
        if (blank(purpose)) {
            throw new Refusal.Invalid("Say what the export is for: the agreement allows exports for a purpose only.");
        }
        return purpose.strip();
    }

    private String made(Model model, HubUser user, String what, String purpose, List<String> header,
                        List<PupilExports.Line> lines) {
        model.addAttribute("made", exports.export(user, PupilExports.Kind.PUPIL_LEVEL, what, purpose, header,
                lines));
        model.addAttribute("what", what);
        model.addAttribute("files", "/exports/files/");
        return "export-made";
    }

    private static List<String> names() {
        return java.util.Arrays.stream(AttendanceFiguresQuery.Cohort.values()).map(Enum::name).toList();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String text(Object value) {
        return value == null ? "" : Objects.toString(value);
    }

    static String yesNo(boolean flag) {
        return flag ? "Yes" : "No";
    }
}
