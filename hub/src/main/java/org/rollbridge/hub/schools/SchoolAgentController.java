package org.rollbridge.hub.schools;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rollbridge.core.identity.Laestab;
import org.rollbridge.hub.access.Caller;
import org.rollbridge.hub.access.CredentialFilter;
import org.rollbridge.hub.access.SigningCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a school agent needs besides uploading: enrolment, pause and resume; and the LA administrator's side:
 * enrolment codes and revocation.
 */
@RestController
public class SchoolAgentController {

    private static final Logger log = LoggerFactory.getLogger(SchoolAgentController.class);
    private final EnrolmentCodes codes;
    private final SigningCredentials credentials;
    private final SchoolPauses pauses;
    private final TransactionTemplate tx;

    public SchoolAgentController(EnrolmentCodes codes, SigningCredentials credentials, SchoolPauses pauses,
                                 TransactionTemplate tx) {
        this.codes = codes;
        this.credentials = credentials;
        this.pauses = pauses;
        this.tx = tx;
    }

    public record CodeRequest(Integer validDays) {
    }

    @PostMapping("/api/v1/admin/schools/{laestab}/enrolment-codes")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> issueCode(@PathVariable String laestab,
                                         @RequestBody(required = false) CodeRequest body, HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireAdmin();
        int days = body == null || body.validDays() == null ? (int) EnrolmentCodes.DEFAULT_LIFETIME.toDays()
                : body.validDays();
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("validDays must be 1 to 90; it was " + days);
        }
        EnrolmentCodes.Issued issued = codes.issue(laestab, Duration.ofDays(days));
        log.info("Enrolment code issued for school {}, valid until {}", issued.laestab(), issued.expiresAt());
        return ordered("laestab", issued.laestab(), "code", issued.code(), "expiresAt", issued.expiresAt().toString(),
                "note", "Give this code to the school for 'rollbridge agent init'; it works once. Only its hash is kept.");
    }

    public record Enrolment(String laestab, String code) {
    }

    /** Open to anyone: the code is the proof. Every failure gives the same answer, so codes cannot be probed. */
    @PostMapping("/api/v1/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> enrol(@RequestBody Enrolment enrolment) {
        if (enrolment == null || enrolment.laestab() == null || enrolment.code() == null
                || Laestab.parse(enrolment.laestab()).isEmpty()) {
            throw new IllegalArgumentException("Send {\"laestab\": \"<7 digits>\", \"code\": \"<enrolment code>\"}");
        }
        String school = Laestab.parse(enrolment.laestab()).orElseThrow().code();
        SigningCredentials.Issued issued = tx.execute(s -> codes.redeem(school, enrolment.code())
                .map(used -> credentials.issue(school)).orElse(null));
        if (issued == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This enrolment code is not valid for school "
                    + school + ": it may be mistyped, already used or expired. Ask the LA for a new code");
        }
        log.info("School {} enrolled an agent: credential {}", school, issued.credentialId());
        return ordered("laestab", school, "credentialId", issued.credentialId(), "secret", issued.secret(),
                "note", "Store the secret now, readable only by the agent's account: it is not shown again.");
    }

    public record Revocation(String reason) {
    }

    @PostMapping("/api/v1/admin/credentials/{credentialId}/revoke")
    public Map<String, Object> revoke(@PathVariable String credentialId,
                                      @RequestBody(required = false) Revocation body, HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireAdmin();
        if (!credentials.revoke(credentialId, body == null ? null : body.reason())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No current credential " + credentialId);
        }
        log.info("Credential {} revoked", credentialId);
        return ordered("credentialId", credentialId, "revoked", true);
    }

    @PostMapping("/api/v1/admin/schools/{laestab}/credentials/revoke")
    public Map<String, Object> revokeSchool(@PathVariable String laestab,
                                            @RequestBody(required = false) Revocation body, HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireAdmin();
        int n = credentials.revokeAll(laestab, body == null ? null : body.reason());
        log.info("{} credentials of school {} revoked", n, laestab);
        return ordered("laestab", laestab, "revoked", n);
    }

    public record PauseRequest(String reason) {
    }

    @PostMapping("/api/v1/schools/{laestab}/pause")
    public Map<String, Object> pause(@PathVariable String laestab, @RequestBody(required = false) PauseRequest body,
                                     HttpServletRequest request) {
        return choose(laestab, true, body, request);
    }

    @PostMapping("/api/v1/schools/{laestab}/resume")
    public Map<String, Object> resume(@PathVariable String laestab, @RequestBody(required = false) PauseRequest body,
                                      HttpServletRequest request) {
        return choose(laestab, false, body, request);
    }

    @GetMapping("/api/v1/schools/{laestab}/pause")
    public Map<String, Object> pauseState(@PathVariable String laestab, HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireSchool(laestab);
        return pauses.current(laestab).map(SchoolAgentController::view)
                .orElseGet(() -> ordered("laestab", laestab, "paused", false));
    }

    private Map<String, Object> choose(String laestab, boolean paused, PauseRequest body, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireSchool(laestab);
        if (caller.admin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Pausing is the school's own choice: "
                    + "the school's agent records it with 'rollbridge agent pause'");
        }
        SchoolPauses.State state = pauses.record(laestab, paused, body == null ? null : body.reason());
        log.info("School {} {} sending", laestab, paused ? "paused" : "resumed");
        return view(state);
    }

    private static Map<String, Object> view(SchoolPauses.State s) {
        return ordered("laestab", s.laestab(), "paused", s.paused(), "since", s.since().toString(),
                "reason", s.reason());
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
