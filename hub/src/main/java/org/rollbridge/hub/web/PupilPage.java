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
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.access.Visibility;
import org.rollbridge.hub.alerts.AlertCases;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
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
    private final AlertCases alerts;

    public PupilPage(JdbcClient db, Organisations organisations, AuditLog audit, Clock signInClock,
                     AlertCases alerts) {
        this.alerts = alerts;
        this.db = db;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = signInClock;
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
    public String pupil(@PathVariable long id, Authentication authentication, Model model) {
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
        model.addAttribute("alerts", user.may(Capability.ALERT_VIEW) ? alerts.ofPerson(id) : null);
        return "pupil";
    }

    private List<Enrolment> enrolments(long personId) {
        return db.sql("""
                select laestab, from_date, to_date, ended_reason from enrolments where person_id = ?
                order by from_date desc""").param(personId)
                .query((rs, n) -> new Enrolment(rs.getString("laestab"), rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class), rs.getString("ended_reason"))).list();
    }

    private boolean visible(Visibility visibility, HubUser user, long personId) {
        List<PupilFacts.Spell> spells = enrolments(personId).stream()
                .map(e -> new PupilFacts.Spell(e.laestab().strip(), e.from(), e.to())).toList();
        if (spells.isEmpty()) {
            return false;
        }
        // Residence and social care flags are not yet fed to the hub: until they are, the LA sees its schools'
        // pupils and a social care viewer sees nobody.
        PupilFacts facts = new PupilFacts(spells, null, false, false, false);
        return visibility.visible(user.role(), user.organisation(), facts, LocalDate.now(clock));
    }
}
