package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.attendance.PupilYearQuery;
import org.rollbridge.hub.exports.PlanningExports;
import org.rollbridge.hub.exports.PlanningPurposes;
import org.rollbridge.hub.exports.PupilExports;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The LA analyst's pseudonymised exports for a planning purpose (docs/exports.md): every pupil of the LA's schools
 * this academic year to date, under the purpose's own pseudonyms, made, shown and downloaded as every export is.
 */
@Hidden
@Controller
public class PlanningExportPage {

    private final PlanningExports planning;
    private final PlanningPurposes purposes;
    private final PupilExports exports;
    private final PupilYearQuery pupilYears;
    private final AttendanceFiguresQuery attendance;
    private final Clock clock;

    public PlanningExportPage(PlanningExports planning, PlanningPurposes purposes, PupilExports exports,
                              PupilYearQuery pupilYears, AttendanceFiguresQuery attendance, Clock clock) {
        this.planning = planning;
        this.purposes = purposes;
        this.exports = exports;
        this.pupilYears = pupilYears;
        this.attendance = attendance;
        this.clock = clock;
    }

    @GetMapping("/planning/exports")
    public String form(Model model) {
        model.addAttribute("purposes", purposes.all());
        model.addAttribute("available", planning.available());
        model.addAttribute("columns", PlanningExports.COLUMNS);
        return "planning-export";
    }

    @PostMapping("/planning/exports")
    public String export(@RequestParam(required = false) String purpose, @RequestParam(required = false) String on,
                         Authentication authentication, Model model) {
        if (ExportPages.blank(purpose)) {
            throw new Refusal.Invalid("Choose the planning purpose the export is for.");
        }
        HubUser user = SignedIn.user(authentication);
        LocalDate asOf = attendance.forLa(ExportPages.blank(on) ? null : on, LocalDate.now(clock)).asOf();
        PupilExports.Made made = planning.export(user, purpose, asOf, pupilYears.asOf(asOf));
        model.addAttribute("made", made);
        model.addAttribute("what", "Planning purpose " + purpose + ", academic year to " + asOf);
        model.addAttribute("files", "/planning/exports/files/");
        return "export-made";
    }

    /** The file, once, to the analyst who made it. */
    @GetMapping("/planning/exports/files/{token}")
    public ResponseEntity<byte[]> file(@PathVariable String token, Authentication authentication) {
        return ExportPages.download(exports, token, SignedIn.user(authentication));
    }
}
