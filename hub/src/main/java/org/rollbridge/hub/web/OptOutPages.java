package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.OrganisationKind;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.hub.people.PupilRecordQuery;
import org.rollbridge.hub.sharing.Agreement;
import org.rollbridge.hub.sharing.Agreements;
import org.rollbridge.hub.sharing.OptOutStore;
import org.rollbridge.hub.sharing.ShareQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Recording and withdrawing opt-outs from onward sharing (docs/sharing.md): on the school's sharing page, the
 * school's data manager records its pupils' opt-outs and the school's own opt-out from the DfE feed; on the pupil
 * page, LA officers record the pupil's. Each is checked against the agreement and audited by the register; a
 * school or pupil the user may not see is "not found".
 */
@Hidden
@Controller
public class OptOutPages {

    private final SchoolQuery schools;
    private final PupilSearch search;
    private final PupilRecordQuery records;
    private final ShareQuery query;
    private final OptOutStore register;
    private final Agreements agreements;
    private final AuditLog audit;
    private final Clock clock;

    public OptOutPages(SchoolQuery schools, PupilSearch search, PupilRecordQuery records, ShareQuery query,
                       OptOutStore register, Agreements agreements, AuditLog audit, Clock clock) {
        this.schools = schools;
        this.search = search;
        this.records = records;
        this.query = query;
        this.register = register;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the school is opted out of an agreement it may stop, and from when (null: it takes part). */
    public record SchoolStatus(String agreement, String recipient, LocalDate optedOutFrom) {
    }

    @GetMapping("/schools/{laestab}/sharing")
    public String school(@PathVariable String laestab, Authentication authentication, Model model) {
        HubUser user = SignedIn.user(authentication);
        String name = requireSchool(user, laestab);
        List<ShareQuery.Registered> registered = query.registeredAt(laestab);
        audit.read(user, AuditAction.VIEW_SCHOOL, "school:" + laestab, "sharing opt-outs, " + registered.size()
                + " listed", Pupils.upns(registered.stream().map(ShareQuery.Registered::upn).distinct().toList()),
                "ok");
        model.addAttribute("laestab", laestab);
        model.addAttribute("name", name);
        model.addAttribute("registered", registered);
        List<ShareQuery.SchoolOptOut> schoolOptOuts = query.schoolOptOuts(laestab);
        model.addAttribute("schoolStatus", agreements.schoolMayOptOut().stream().map(a -> new SchoolStatus(a.name(),
                a.recipient(), schoolOptOuts.stream().filter(o -> o.agreement().equals(a.name()) && o.to() == null)
                .map(ShareQuery.SchoolOptOut::from).findFirst().orElse(null))).toList());
        model.addAttribute("pupilAgreements", agreements.pupilMayOptOut());
        model.addAttribute("ownSchool", ownSchool(user, laestab));
        model.addAttribute("today", LocalDate.now(clock));
        return "school-sharing";
    }

    @PostMapping("/schools/{laestab}/sharing/opt-outs")
    public String recordAtSchool(@PathVariable String laestab, @RequestParam String upn,
                                 @RequestParam String agreement, @RequestParam String restriction,
                                 @RequestParam String requestedBy,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn,
                                 @RequestParam(required = false) String evidence, Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        requireSchool(user, laestab);
        String clean = pupilAt(laestab, upn);
        register.record(clean, agreement, restriction, requestedBy, requestedOn, blankToNull(evidence),
                user.username());
        return "redirect:/schools/" + laestab + "/sharing#register";
    }

    @PostMapping("/schools/{laestab}/sharing/withdrawals")
    public String withdrawAtSchool(@PathVariable String laestab, @RequestParam String upn,
                                   @RequestParam String agreement, Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        requireSchool(user, laestab);
        register.withdraw(pupilAt(laestab, upn), agreement, LocalDate.now(clock), user.username());
        return "redirect:/schools/" + laestab + "/sharing#register";
    }

    /** The school's own data manager stops an agreement for all its pupils from tomorrow, or opts back in. */
    @PostMapping("/schools/{laestab}/sharing/school")
    public String schoolOptOut(@PathVariable String laestab, @RequestParam String agreement,
                               @RequestParam String choice, Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        requireSchool(user, laestab);
        if (!ownSchool(user, laestab)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only the school's own data manager may opt the school out or back in");
        }
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1); // today's file may be on its way already
        switch (choice) {
            case "out" -> register.schoolOptOut(laestab, agreement, tomorrow, user.username());
            case "in" -> register.schoolOptIn(laestab, agreement, tomorrow, user.username());
            default -> throw new Refusal.Invalid("Choose to opt the school out ('out') or back in ('in')");
        }
        return "redirect:/schools/" + laestab + "/sharing#school";
    }

    @PostMapping("/pupils/{id}/sharing/opt-outs")
    public String recordForPupil(@PathVariable long id, @RequestParam String agreement,
                                 @RequestParam String restriction, @RequestParam String requestedBy,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn,
                                 @RequestParam(required = false) String evidence, Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        register.record(laPupilUpn(user, id), agreement, restriction, requestedBy, requestedOn,
                blankToNull(evidence), user.username());
        return "redirect:/pupils/" + id + "#sharing";
    }

    @PostMapping("/pupils/{id}/sharing/withdrawals")
    public String withdrawForPupil(@PathVariable long id, @RequestParam String agreement,
                                   Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        register.withdraw(laPupilUpn(user, id), agreement, LocalDate.now(clock), user.username());
        return "redirect:/pupils/" + id + "#sharing";
    }

    /** The pupil's UPN, when an LA officer may see the pupil; otherwise "not found". */
    private String laPupilUpn(HubUser user, long id) {
        if (user.organisation().kind() != OrganisationKind.LA || !search.visible(user, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no pupil with this reference that you can see");
        }
        return records.latest(id).map(l -> l.identity().upn()).filter(u -> u != null && !u.isBlank())
                .orElseThrow(() -> new Refusal.Invalid("This pupil has no UPN, which the opt-out register is kept by"));
    }

    private String requireSchool(HubUser user, String laestab) {
        Map<String, String> visible = schools.of(user.organisation());
        if (!visible.containsKey(laestab)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no school here that you can see");
        }
        String name = visible.get(laestab);
        return name == null || name.isBlank() ? "School " + laestab : name;
    }

    private static boolean ownSchool(HubUser user, String laestab) {
        return user.organisation().kind() == OrganisationKind.SCHOOL && user.organisation().code().equals(laestab);
    }

    /** A UPN of a pupil on the school's roll: a school records opt-outs only for its own pupils. */
    private String pupilAt(String laestab, String upn) {
        String clean = upn == null ? "" : upn.strip().toUpperCase(Locale.ROOT);
        if (!query.onSchoolRoll(laestab, clean)) {
            throw new Refusal.Invalid("UPN " + clean + " is not a pupil on this school's roll");
        }
        return clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
