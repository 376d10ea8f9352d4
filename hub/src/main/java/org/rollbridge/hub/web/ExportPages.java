package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.alerts.AlertCaseQuery;
import org.rollbridge.hub.alerts.AlertDecisions;
import org.rollbridge.hub.exports.PupilExports;
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
 * other role): the user states the purpose, the hub makes the password-protected XLSX and shows its password once,
 * beside the link to download the file once.
 */
@Hidden
@Controller
public class ExportPages {

    static final List<String> ALERT_COLUMNS = List.of("Case", "Person", "School (LAESTAB)", "Status", "Figure",
            "Latest evidence", "Due", "Assigned to");

    private final AlertDecisions decisions;
    private final PupilExports exports;

    public ExportPages(AlertDecisions decisions, PupilExports exports) {
        this.decisions = decisions;
        this.exports = exports;
    }

    /** The form: what is exported, and a box for the purpose. */
    @GetMapping("/exports/alerts")
    public String alertForm(@RequestParam(required = false) String kind,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String laestab, Model model) {
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("status", status == null ? "open" : status);
        model.addAttribute("laestab", laestab == null ? "" : laestab);
        model.addAttribute("agreement", PupilExports.AGREEMENT);
        return "export-form";
    }

    @PostMapping("/exports/alerts")
    public String exportAlerts(@RequestParam String kind, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String laestab,
                               @RequestParam(required = false) String purpose, Authentication authentication,
                               Model model) {
        if (purpose == null || purpose.isBlank()) {
            throw new Refusal.Invalid("Say what the export is for: the agreement allows exports for a purpose only.");
        }
        HubUser user = SignedIn.user(authentication);
        String shownStatus = status == null || status.isBlank() ? "open" : status;
        String school = laestab == null || laestab.isBlank() ? null : laestab;
        List<AlertCaseQuery.Case> cases = decisions.queue(AlertPages.viewer(user),
                new AlertCaseQuery.Filter(kind, shownStatus, school, null));
        List<PupilExports.Line> lines = new ArrayList<>();
        for (AlertCaseQuery.Case c : cases) {
            lines.add(new PupilExports.Line(c.personId(), List.of(String.valueOf(c.id()), String.valueOf(c.personId()),
                    c.laestab(), c.status(), c.figure() == null ? "" : c.figure() + " " + c.figureUnit(),
                    String.valueOf(c.lastEvidence()), c.dueOn() == null ? "" : c.dueOn().toString(),
                    c.assignedTo() == null ? "" : c.assignedTo())));
        }
        String what = "Alert queue " + kind + " (" + shownStatus + (school == null ? "" : ", school " + school) + ")";
        model.addAttribute("made", exports.export(user, what, purpose.strip(), ALERT_COLUMNS, lines));
        model.addAttribute("what", what);
        return "export-made";
    }

    /** The file, once; the password is not in its name. */
    @GetMapping("/exports/files/{token}")
    public ResponseEntity<byte[]> file(@PathVariable String token) {
        PupilExports.Prepared file = exports.take(token)
                .orElseThrow(() -> new Refusal.NotFound("This export has been downloaded or has expired."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.bytes());
    }
}
