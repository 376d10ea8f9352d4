package org.rollbridge.hub.access;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Setting the hub up over the machine API: schools' credentials, and administrators' personal API tokens (what the
 * shared administrator token is for; {@link CredentialFilter}).
 */
@RestController
public class AdminController {

    private final SchoolCredentials credentials;
    private final AdminTokens tokens;

    public AdminController(SchoolCredentials credentials, AdminTokens tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/admin/schools/{laestab}/credentials")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> issue(@PathVariable String laestab, HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireAdmin();
        return Map.of("laestab", laestab, "token", credentials.issue(laestab),
                "note", "Store this token now: only its hash is kept.");
    }

    /** What a personal token is for and how many days it lasts. */
    public record TokenRequest(String label, Integer days) {
    }

    @Operation(summary = "A personal API token for an LA administrator (administrator)", description = "Body: "
            + "{\"label\": \"what it is for\", \"days\": 90} (days 1 to 365, default 90). The token is in the "
            + "answer once and only its hash is kept; everything done with it is audited as its user. 400 when the "
            + "user is not an enabled LA administrator.")
    @PostMapping("/api/v1/admin/users/{username}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> issueToken(@PathVariable String username, @RequestBody(required = false)
                                          TokenRequest body, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        AdminTokens.Issued issued = tokens.issue(username, body == null ? null : body.label(),
                body == null || body.days() == null ? 90 : body.days(), caller);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", issued.id());
        out.put("username", issued.username());
        out.put("label", issued.label());
        out.put("token", issued.token());
        out.put("expiresAt", issued.expiresAt().toString());
        out.put("note", "Store this token now: only its hash is kept.");
        return out;
    }

    @Operation(summary = "Revoke an administrator's personal API token (administrator)",
            description = "404 when there is no current token with this id.")
    @PostMapping("/api/v1/admin/tokens/{id}/revoke")
    public Map<String, Object> revokeToken(@PathVariable long id, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        tokens.revoke(id, caller);
        return Map.of("id", id, "revoked", true);
    }
}
