package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rollbridge.core.pupil.CorrectableField;
import org.rollbridge.hub.access.Capability;
import org.rollbridge.hub.access.FieldAccess;
import org.rollbridge.hub.access.FieldGroup;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.PupilFactsQuery;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.alerts.AlertAccess;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.hub.people.PupilRecordQuery;
import org.rollbridge.hub.people.PupilSearchQuery;
import org.rollbridge.hub.people.RectificationQuery;
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
 * Finding a pupil by name, date of birth, UPN or school, and the pupil's page, within the user's organisation, cohort and field groups. Every
 * search and every view is audited; a pupil the user may not see is "not found", so nothing leaks by status.
 */
@Hidden
@Controller
public class PupilPage {

    private final PupilRecordQuery records;
    private final PupilSearch search;
    private final AuditLog audit;
    private final Clock clock;
    private final PupilAttendanceView attendance;
    private final AlertAccess alertAccess;
    private final PupilFactsQuery pupilFacts;
    private final RetentionStatus retention;
    private final RectificationQuery rectifications;
    private final SchoolQuery schoolNames;
    private final org.rollbridge.hub.sharing.ShareQuery shareQuery;
    private final org.rollbridge.hub.sharing.Agreements agreements;

    public PupilPage(PupilRecordQuery records, PupilSearch search, AuditLog audit, Clock clock,
                     PupilAttendanceView attendance, AlertAccess alertAccess, PupilFactsQuery pupilFacts,
                     RetentionStatus retention, RectificationQuery rectifications, SchoolQuery schoolNames,
                     org.rollbridge.hub.sharing.ShareQuery shareQuery, org.rollbridge.hub.sharing.Agreements agreements) {
        this.shareQuery = shareQuery;
        this.agreements = agreements;
        this.schoolNames = schoolNames;
        this.retention = retention;
        this.rectifications = rectifications;
        this.pupilFacts = pupilFacts;
        this.alertAccess = alertAccess;
        this.records = records;
        this.search = search;
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
    public String search(@RequestParam(required = false) String name, @RequestParam(required = false) String upn,
                         @RequestParam(name = "dob-day", required = false) String dobDay,
                         @RequestParam(name = "dob-month", required = false) String dobMonth,
                         @RequestParam(name = "dob-year", required = false) String dobYear,
                         @RequestParam(required = false) String laestab, Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("upn", upn == null ? "" : upn);
        model.addAttribute("dobDay", dobDay == null ? "" : dobDay);
        model.addAttribute("dobMonth", dobMonth == null ? "" : dobMonth);
        model.addAttribute("dobYear", dobYear == null ? "" : dobYear);
        model.addAttribute("laestab", laestab == null ? "" : laestab.strip());
        model.addAttribute("schools", schoolNames.of(user.organisation()));
        LocalDate dob = null;
        if (present(dobDay) || present(dobMonth) || present(dobYear)) {
            try {
                dob = LocalDate.of(Integer.parseInt(dobYear.strip()), Integer.parseInt(dobMonth.strip()),
                        Integer.parseInt(dobDay.strip()));
            } catch (RuntimeException e) {
                model.addAttribute("dobError", "Date of birth must be a real date, for example 14 3 2015");
                return "pupil-search";
            }
        }
        PupilSearchQuery.Terms terms = new PupilSearchQuery.Terms(name, dob, upn, laestab);
        if (terms.empty()) {
            return "pupil-search";
        }
        List<PupilSearchQuery.Found> found = search.find(user, terms);
        // The terms and what they found: a search that found nobody still says whom the user looked for.
        List<PupilSearchQuery.Found> shown = found.stream().limit(PupilSearch.SHOWN).toList();
        String wanted = present(upn) ? upn.strip().toUpperCase(Locale.ROOT) : null;
        Pupils pupils = Pupils.persons(shown.stream().map(PupilSearchQuery.Found::personId).toList());
        audit.read(user, AuditAction.SEARCH, "pupil-search", "pupil search name=" + quoted(name) + " dob="
                        + (dob == null ? "" : dob) + " upn=" + quoted(wanted) + " laestab=" + quoted(laestab) + ": "
                        + found.size() + " found",
                wanted == null ? pupils : pupils.and(Pupils.upns(List.of(wanted))), "ok");
        model.addAttribute("results", found.stream().limit(PupilSearch.SHOWN).toList());
        model.addAttribute("more", found.size() > PupilSearch.SHOWN);
        model.addAttribute("searched", true);
        // The export holds a UPN search's result (docs/exports.md).
        model.addAttribute("exportable", present(upn) && user.may(Capability.PUPIL_EXPORT));
        return "pupil-search";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String quoted(String value) {
        return present(value) ? "'" + value.strip() + "'" : "";
    }

    @GetMapping("/pupils/{id}")
    public String pupil(@PathVariable long id, @RequestParam(required = false) Integer year,
                        Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        if (!search.visible(user, id)) {
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
        List<PupilFactsQuery.Enrolment> enrolments = pupilFacts.enrolments(id);
        model.addAttribute("enrolments", enrolments);
        List<String> schools = new java.util.ArrayList<>(enrolments.stream().map(PupilFactsQuery.Enrolment::laestab)
                .toList());
        identity.map(PupilRecordQuery.Identity::laestab).ifPresent(schools::add);
        model.addAttribute("schoolLabels", schoolNames.labels(schools));
        addAttendance(id, year, user, identity.map(PupilRecordQuery.Identity::upn).orElse(null), model);
        addFlagsAndProvenance(id, latest, user, model);
        model.addAttribute("alerts", user.may(Capability.ALERT_VIEW)
                ? alertAccess.ofPerson(AlertPages.viewer(user), id) : null);
        model.addAttribute("retention", user.may(Capability.ADMINISTER)
                ? retention.of(id, LocalDate.now(clock)).orElse(null) : null);
        addCorrections(id, user, model);
        addOptOuts(user, identity.map(PupilRecordQuery.Identity::upn).orElse(null), model);
        return "pupil";
    }

    /** LA officers who record opt-outs see the pupil's in the register, and the form (docs/sharing.md). */
    private void addOptOuts(HubUser user, String upn, Model model) {
        boolean shown = upn != null && !upn.isBlank() && user.may(Capability.SHARING_OPT_OUTS)
                && user.organisation().kind() == org.rollbridge.hub.access.OrganisationKind.LA;
        model.addAttribute("optOuts", shown ? shareQuery.registeredFor(upn) : null);
        model.addAttribute("optOutAgreements", agreements.pupilMayOptOut());
        model.addAttribute("today", LocalDate.now(clock));
    }

    /**
     * The LA's corrections of the fields the role is shown, with their provenance; the active ones are shown in
     * place of the school's value. Roles that may rectify get the form.
     */
    private void addCorrections(long id, HubUser user, Model model) {
        boolean identity = FieldAccess.shows(user.role(), FieldGroup.IDENTITY);
        boolean address = FieldAccess.shows(user.role(), FieldGroup.ADDRESS);
        List<RectificationQuery.Rectification> shown = !identity ? List.of() : rectifications.ofPerson(id).stream()
                .filter(r -> address || !CorrectableField.POSTCODE.id().equals(r.field())).toList();
        model.addAttribute("corrections", shown);
        model.addAttribute("corrected", shown.stream().filter(RectificationQuery.Rectification::active)
                .collect(Collectors.toMap(RectificationQuery.Rectification::field, r -> r)));
        model.addAttribute("correctable", identity && user.may(Capability.RECTIFY)
                ? List.of(CorrectableField.values()) : List.of());
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
}
