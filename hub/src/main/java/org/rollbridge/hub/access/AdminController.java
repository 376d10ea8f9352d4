package org.rollbridge.hub.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** LA administration until the sign-in and roles system exists: issuing school credentials. */
@RestController
public class AdminController {

    private final SchoolCredentials credentials;

    public AdminController(SchoolCredentials credentials) {
        this.credentials = credentials;
    }

    @PostMapping("/api/v1/admin/schools/{laestab}/credentials")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> issue(@PathVariable String laestab, HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireAdmin();
        return Map.of("laestab", laestab, "token", credentials.issue(laestab),
                "note", "Store this token now: only its hash is kept.");
    }
}
