package org.rollbridge.hub.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.core.signing.RequestSignature;
import org.rollbridge.hub.AdminTokenScope;
import org.rollbridge.hub.HubProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default: every request needs a bearer credential (a school's token, an administrator's personal token or
 * the shared administrator token) except the health probes. The operations endpoints (metrics, the API document)
 * are for administrators; the shared token, one actor for whoever holds it, only sets the hub up unless
 * ROLLBRIDGE_ADMIN_TOKEN_SCOPE=FULL. Which school may do what is checked where the resource is known
 * ({@link Caller}).
 */
@Component
public class CredentialFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALLER = Caller.class.getName();
    private final SchoolCredentials credentials;
    private final HubProperties settings;
    private final SignedRequests signed;
    private final AdminTokens adminTokens;

    public CredentialFilter(SchoolCredentials credentials, HubProperties settings, SignedRequests signed,
                            AdminTokens adminTokens) {
        this.credentials = credentials;
        this.settings = settings;
        this.signed = signed;
        this.adminTokens = adminTokens;
    }

    /** The caller this filter found for the request; controllers of the machine API start with it. */
    public static Caller callerOf(HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(CALLER);
        if (caller == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "A credential is required");
        }
        return caller;
    }

    /** Metrics, the actuator's index and the API document: what the LA's operations read, not schools. */
    static boolean operations(String path) {
        return (path.startsWith("/actuator") && !open(path)) || path.startsWith("/v3/api-docs");
    }

    /** What the shared token may reach in the BOOTSTRAP scope: making credentials, and the operations endpoints. */
    static boolean bootstrap(String path) {
        return path.startsWith("/api/v1/admin/") || operations(path);
    }

    /** Health probes, and pages, which people reach by signing in ({@link SignInSecurity}). */
    static boolean open(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/api/v1/enrolments") || !PageAccess.machine(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        if (SignedRequests.applies(request)) {
            switch (signed.verify(request)) {
                case SignedRequests.Refused r -> refuse(response, r.reason(), r.message());
                case SignedRequests.Accepted a -> {
                    Caller school = Caller.school(a.laestab());
                    if (allowed(school, request.getRequestURI(), response)) {
                        a.request().setAttribute(CALLER, school);
                        chain.doFilter(a.request(), response);
                    }
                }
            }
            return;
        }
        Optional<Caller> caller = authenticate(request.getHeader("Authorization"));
        if (caller.isEmpty()) {
            String token = bearer(request.getHeader("Authorization"));
            if (token != null && credentials.revoked(token)) {
                refuse(response, "credential_revoked", "The LA has revoked this credential; ask the LA for a new one");
            } else if (token != null && adminTokens.lapsed(token)) {
                refuse(response, "credential_revoked", "This personal token has expired or been revoked; ask an LA "
                        + "administrator for a new one");
            } else {
                refuse(response, "credential_missing", "Send 'Authorization: Bearer <token>' with a school "
                        + "credential or an administrator's personal token, or a signed request from the school agent");
            }
            return;
        }
        if (allowed(caller.get(), request.getRequestURI(), response)) {
            request.setAttribute(CALLER, caller.get());
            chain.doFilter(request, response);
        }
    }

    /** Forbids (403) a school the operations endpoints, and the shared token what is beyond its scope. */
    private boolean allowed(Caller caller, String path, HttpServletResponse response) throws IOException {
        if (operations(path) && !caller.admin()) {
            forbid(response, "credential_scope", "The operations endpoints are for the LA's administrators; a "
                    + "school's credential cannot read them");
            return false;
        }
        if (caller == Caller.SHARED_ADMIN && settings.adminTokenScope() == AdminTokenScope.BOOTSTRAP
                && !bootstrap(path)) {
            forbid(response, "credential_scope", "The shared administrator token only makes administrators' "
                    + "personal tokens and schools' credentials (ROLLBRIDGE_ADMIN_TOKEN_SCOPE=BOOTSTRAP); call "
                    + "with your personal API token");
            return false;
        }
        return true;
    }

    private static void forbid(HttpServletResponse response, String reason, String message) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", reason, message);
    }

    /** 401 with a machine-readable reason, so that an agent can stop with a clear message. */
    private static void refuse(HttpServletResponse response, String reason, String message) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer, " + RequestSignature.SCHEME);
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", reason, message);
    }

    private static void write(HttpServletResponse response, int status, String error, String reason,
                              String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(JSON.writeValueAsString(Map.of("status", status, "error", error,
                "reason", reason, "message", message)));
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private Optional<Caller> authenticate(String header) {
        String token = bearer(header);
        if (token == null) {
            return Optional.empty();
        }
        String admin = settings.adminToken();
        if (admin != null && !admin.isBlank() && MessageDigest.isEqual(
                admin.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Caller.SHARED_ADMIN);
        }
        Optional<Caller> school = credentials.schoolFor(token).map(Caller::school);
        return school.isPresent() ? school : adminTokens.userOf(token).map(Caller::administrator);
    }
}
