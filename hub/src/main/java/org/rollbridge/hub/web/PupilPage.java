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
import org.rollbridge.hub.alerts.AlertCases;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.retention.RetentionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient db;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;
    private final PupilAttendanceView attendance;
    private final AlertCases alerts;
    private final PupilFactsQuery pupilFacts;
    private final RetentionStatus retention;

    public PupilPage(JdbcClient db, Organisations organisations, AuditLog audit, Clock signInClock,
                     PupilAttendanceView attendance, AlertCases alerts, PupilFactsQuery pupilFacts,
                     RetentionStatus retention) {
        this.retention = retention;
        this.pupilFacts = pupilFacts;
        this.alerts = alerts;
        this.db = db;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = signInClock;
        this.attendance = attendance;
    }

    /** What each school last said about the pupil, and in which batch. */
    record SchoolRecord(String laestab, java.time.Instant updatedAt, String batchId, String fileName,
                        java.time.Instant receivedAt, String ncYear, String enrolStatus, String matchedBy) {
    }

    /** An identifier that leads to this person, and how it was linked. */
    record Link(String kind, String value, String rule, java.math.BigDecimal score, String confirmedBy,
                java.time.Instant createdAt, String batchId) {
    }

    /** The flags from the pupil's latest CTF and children's social care. */
    record Flags(boolean lookedAfter, String senProvision, boolean fsm, Boolean partTime, boolean socialWorker,
                 boolean childProtection) {

        public String sen() {
            return senProvision == null ? "None recorded" : switch (senProvision) {
                case "E" -> "EHC plan (E)";
                case "K" -> "SEN support (K)";
                case "N" -> "No special provision (N)";
                default -> senProvision;
            };
        }
    }

    record Enrolment(String laestab, LocalDate from, LocalDate to, String endedReason) {
    }

    record Identity(String upn, String forename, String surname, LocalDate dob, String sex, String ncYear,
                    String postcode, String laestab) {
    }

    @GetMapping("/pupils")
    public String search(@RequestParam(required = false) String upn, Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        model.addAttribute("upn", upn == null ? "" : upn);
        if (upn != null && !upn.isBlank()) {
            String wanted = upn.strip().toUpperCase();
            audit.record(user, AuditAction.SEARCH, null, null, "UPN search");
            Visibility visibility = organisations.visibility();
            List<Long> found = db.sql("select distinct person_id from pupils where upn = ?").param(wanted)
                    .query(Long.class).list().stream().filter(id -> visible(visibility, user, id)).toList();
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
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "There is no pupil with this reference that you can see");
        }
        audit.record(user, AuditAction.VIEW_PUPIL, "person:" + id, null, null);
        Optional<Identity> identity = db.sql("""
                select upn, forename, surname, dob, sex, nc_year, postcode, laestab from pupils
                where person_id = ? order by updated_at desc limit 1""").param(id)
                .query((rs, n) -> new Identity(rs.getString("upn"), rs.getString("forename"), rs.getString("surname"),
                        rs.getObject("dob", LocalDate.class), rs.getString("sex"), rs.getString("nc_year"),
                        rs.getString("postcode"), rs.getString("laestab"))).optional();
        model.addAttribute("id", id);
        model.addAttribute("shown", Map.of(
                "identity", FieldAccess.shows(user.role(), FieldGroup.IDENTITY),
                "address", FieldAccess.shows(user.role(), FieldGroup.ADDRESS),
                "enrolments", FieldAccess.shows(user.role(), FieldGroup.ENROLMENTS)));
        model.addAttribute("identity", identity.orElse(null));
        model.addAttribute("enrolments", enrolments(id));
        addAttendance(id, year, user, identity.map(Identity::upn).orElse(null), model);
        addFlagsAndProvenance(id, user, model);
        model.addAttribute("alerts", user.may(Capability.ALERT_VIEW) ? alerts.ofPerson(id) : null);
        model.addAttribute("retention", user.may(Capability.ADMINISTER)
                ? retention.of(id, LocalDate.now(clock.withZone(RetentionPage.LONDON))).orElse(null) : null);
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

    private void addFlagsAndProvenance(long id, HubUser user, Model model) {
        model.addAttribute("flagsShown", Map.of(
                "social_care", FieldAccess.shows(user.role(), FieldGroup.SOCIAL_CARE),
                "sen", FieldAccess.shows(user.role(), FieldGroup.SEN),
                "fsm", FieldAccess.shows(user.role(), FieldGroup.FSM)));
        PupilFactsQuery.Care care = pupilFacts.care(id, LocalDate.now(clock));
        model.addAttribute("flags", db.sql("""
                select looked_after, sen_provision, fsm, (record ->> 'partTime')::boolean part_time from pupils
                where person_id = ? order by updated_at desc limit 1""").param(id)
                .query((rs, n) -> new Flags(rs.getBoolean(1) || care.lookedAfter(), rs.getString(2), rs.getBoolean(3),
                        (Boolean) rs.getObject(4), care.socialWorker(), care.childProtection())).optional()
                .orElse(null));
        boolean provenance = FieldAccess.shows(user.role(), FieldGroup.PROVENANCE);
        model.addAttribute("provenanceShown", provenance);
        if (!provenance) {
            return;
        }
        model.addAttribute("schoolRecords", db.sql("""
                select p.laestab, p.updated_at, p.batch_id, b.file_name, b.received_at, p.nc_year, p.enrol_status,
                       p.match_rule, p.match_score
                from pupils p left join batches b on b.id = p.batch_id
                where p.person_id = ? order by p.updated_at desc""").param(id)
                .query((rs, n) -> new SchoolRecord(rs.getString(1).strip(), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5) == null ? null
                        : rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                        howMatched(rs.getString(8), rs.getBigDecimal(9)))).list());
        model.addAttribute("links", db.sql("""
                select kind, value, rule, score, confirmed_by, created_at, batch_id from person_identifiers
                where person_id = ? order by created_at""").param(id)
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7))).list());
    }

    private List<Enrolment> enrolments(long personId) {
        return db.sql("""
                select laestab, from_date, to_date, ended_reason from enrolments where person_id = ?
                order by from_date desc""").param(personId)
                .query((rs, n) -> new Enrolment(rs.getString("laestab"), rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class), rs.getString("ended_reason"))).list();
    }

    private boolean visible(Visibility visibility, HubUser user, long personId) {
        LocalDate today = LocalDate.now(clock);
        PupilFacts facts = pupilFacts.of(personId, today);
        return !facts.spells().isEmpty() && visibility.visible(user.role(), user.organisation(), facts, today);
    }
}
