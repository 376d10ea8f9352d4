package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.FieldAccess;
import org.rollbridge.hub.access.FieldGroup;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.PupilFacts;
import org.rollbridge.hub.access.PupilFactsQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.access.Visibility;
import org.rollbridge.hub.alerts.AlertCaseQuery;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.hub.people.PupilRecordQuery;
import org.rollbridge.hub.retention.RetentionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finding a pupil by UPN and the pupil's page, within the user's organisation, cohort and field groups. Every
 * search and every view is audited; a pupil the user may not see is "not found", so nothing leaks by status.
 */
@Hidden
@Controller
public class PupilPage {

    private final PupilRecordQuery records;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;
    private final PupilAttendanceView attendance;
    private final AlertCaseQuery alerts;
    private final PupilFactsQuery pupilFacts;
    private final RetentionStatus retention;

    public PupilPage(PupilRecordQuery records, Organisations organisations, AuditLog audit, Clock clock,
                     PupilAttendanceView attendance, AlertCaseQuery alerts, PupilFactsQuery pupilFacts,
                     RetentionStatus retention) {
        this.retention = retention;
        this.pupilFacts = pupilFacts;
        this.alerts = alerts;
        this.records = records;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
        this.attendance = attendance;
    }

    /** What each school last said about the pupil, and in which batch. */
    record SchoolRecord(String laestab, java.time.Instant updatedAt, String batchId, String fileName,
                        java.time.Instant receivedAt, String ncYear, String enrolStatus, String matchedBy) {
    }

    /** The flags from the pupil's latest CTF and children's social care. */
    record Flags(boolean lookedAfter, String senProvision, boolean fsm, Boolean partTime, boolean socialWorker,
                 boolean childProtection) {

        static Flags of(PupilRecordQuery.Latest latest, PupilFactsQuery.Care care) {
            return new Flags(latest.lookedAfter() || care.lookedAfter(), latest.senProvision(), latest.fsm(),
                    latest.partTime(), care.socialWorker(), care.childProtection());
        }

        public String sen() {
            return senProvision == null ? "None recorded" : switch (senProvision) {
                case "E" -> "EHC plan (E)";
                case "K" -> "SEN support (K)";
                case "N" -> "No special provision (N)";
                default -> senProvision;
            };
        }
    }

    @GetMapping("/pupils")
    public String search(@RequestParam(required = false) String upn, Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        model.addAttribute("upn", upn == null ? "" : upn);
        if (upn != null && !upn.isBlank()) {
            String wanted = upn.strip().toUpperCase();
            Visibility visibility = organisations.visibility();
            List<Long> found = records.personsWithUpn(wanted).stream()
                    .filter(id -> visible(visibility, user, id)).toList();
            // The term and what it found: a search that found nobody still says whom the user looked for.
            audit.read(user, AuditAction.SEARCH, "pupil-search", "UPN search for '" + wanted + "': " + found.size()
                    + " found", Pupils.persons(found).and(Pupils.upns(List.of(wanted))), "ok");
            model.addAttribute("results", found);
            model.addAttribute("searched", true);
        }
        return "pupil-search";
    }

    @GetMapping("/pupils/{id}")
    public String pupil(@PathVariable long id, @RequestParam(required = false) Integer year,
                        Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        if (!visible(organisations.visibility(), user, id)) {
            // Refused looks are audited too: trying pupil after pupil is what a search of the log should show.
            audit.read(user, AuditAction.VIEW_PUPIL, "person:" + id, "not visible to the user", Pupils.person(id),
                    "refused");
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "There is no pupil with this reference that you can see");
        }
        audit.read(user, AuditAction.VIEW_PUPIL, "person:" + id, "pupil page", Pupils.person(id), "ok");
        Optional<PupilRecordQuery.Latest> latest = records.latest(id);
        Optional<PupilRecordQuery.Identity> identity = latest.map(PupilRecordQuery.Latest::identity);
        model.addAttribute("id", id);
        model.addAttribute("shown", Map.of(
                "identity", FieldAccess.shows(user.role(), FieldGroup.IDENTITY),
                "address", FieldAccess.shows(user.role(), FieldGroup.ADDRESS),
                "enrolments", FieldAccess.shows(user.role(), FieldGroup.ENROLMENTS)));
        model.addAttribute("identity", identity.orElse(null));
        model.addAttribute("enrolments", pupilFacts.enrolments(id));
        addAttendance(id, year, user, identity.map(PupilRecordQuery.Identity::upn).orElse(null), model);
        addFlagsAndProvenance(id, latest, user, model);
        model.addAttribute("alerts", user.may(Capability.ALERT_VIEW) ? alerts.ofPerson(id) : null);
        model.addAttribute("retention", user.may(Capability.ADMINISTER)
                ? retention.of(id, LocalDate.now(clock)).orElse(null) : null);
        return "pupil";
    }

    /** How a school's record was matched to this person, in words. */
    static String howMatched(String rule, java.math.BigDecimal score) {
        if (rule == null) {
            return "Rule 1: UPN, current or former";
        }
        return switch (rule) {
            case "UPN" -> "Rule 1: UPN, current or former";
            case "ULN" -> "Rule 2: unique learner number";
            case "DOB_NAME" -> "Rule 3: date of birth, legal surname and first letters of forename";
            case "POSTCODE_NAME" -> "Rule 4: home postcode, legal surname and first letters of forename";
            case "PROBABILISTIC" -> "Rule 5: match weight " + (score == null ? "" : score.stripTrailingZeros()
                    .toPlainString() + " bits ") + "over all fields";
            case "REVIEW" -> "Linked by a person in the matching review queue";
            default -> rule;
        };
    }

    /** The calendar, the marks as a list and the indicators for one academic year, when the role sees attendance. */
    private void addAttendance(long id, Integer year, HubUser user, String upn, Model model) {
        boolean shown = FieldAccess.shows(user.role(), FieldGroup.ATTENDANCE);
        model.addAttribute("attendanceShown", shown);
        if (!shown) {
            return;
        }
        List<Integer> years = attendance.years(id);
        Integer chosen = year != null && years.contains(year) ? year : years.isEmpty() ? null : years.get(0);
        model.addAttribute("years", years);
        model.addAttribute("year", chosen);
        model.addAttribute("kinds", PupilAttendanceView.Kind.values());
        model.addAttribute("schoolYears", chosen == null ? List.of()
                : attendance.year(id, chosen, upn, LocalDate.now(clock)));
    }

    private void addFlagsAndProvenance(long id, Optional<PupilRecordQuery.Latest> latest, HubUser user,
                                       Model model) {
        model.addAttribute("flagsShown", Map.of(
                "social_care", FieldAccess.shows(user.role(), FieldGroup.SOCIAL_CARE),
                "sen", FieldAccess.shows(user.role(), FieldGroup.SEN),
                "fsm", FieldAccess.shows(user.role(), FieldGroup.FSM)));
        PupilFactsQuery.Care care = pupilFacts.care(id, LocalDate.now(clock));
        model.addAttribute("flags", latest.map(l -> Flags.of(l, care)).orElse(null));
        boolean provenance = FieldAccess.shows(user.role(), FieldGroup.PROVENANCE);
        model.addAttribute("provenanceShown", provenance);
        if (!provenance) {
            return;
        }
        model.addAttribute("schoolRecords", records.schoolRecords(id).stream()
                .map(r -> new SchoolRecord(r.laestab(), r.updatedAt(), r.batchId(), r.fileName(), r.receivedAt(),
                        r.ncYear(), r.enrolStatus(), howMatched(r.matchRule(), r.matchScore()))).toList());
        model.addAttribute("links", records.links(id));
    }

    private boolean visible(Visibility visibility, HubUser user, long personId) {
        LocalDate today = LocalDate.now(clock);
        PupilFacts facts = pupilFacts.of(personId, today);
        return !facts.spells().isEmpty() && visibility.visible(user.role(), user.organisation(), facts, today);
    }
}
