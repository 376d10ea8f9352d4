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
import org.rollbridge.hub.HubProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default: every request needs a bearer credential (a school's token or the LA administrator's)
 * except the health probes. Which school may do what is checked where the resource is known ({@link Caller}).
 */
@Component
public class CredentialFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALLER = Caller.class.getName();
    private final SchoolCredentials credentials;
    private final HubProperties settings;
    private final SignedRequests signed;

    public CredentialFilter(SchoolCredentials credentials, HubProperties settings, SignedRequests signed) {
        this.credentials = credentials;
        this.settings = settings;
        this.signed = signed;
    }

    /** The caller this filter found for the request; controllers of the machine API start with it. */
    public static Caller callerOf(HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(CALLER);
        if (caller == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "A credential is required");
        }
        return caller;
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
                    a.request().setAttribute(CALLER, new Caller(a.laestab()));
                    chain.doFilter(a.request(), response);
                }
            }
            return;
        }
        Optional<Caller> caller = authenticate(request.getHeader("Authorization"));
        if (caller.isEmpty()) {
            String token = bearer(request.getHeader("Authorization"));
            if (token != null && credentials.revoked(token)) {
                refuse(response, "credential_revoked", "The LA has revoked this credential; ask the LA for a new one");
            } else {
                refuse(response, "credential_missing", "Send 'Authorization: Bearer <token>' with a school "
                        + "credential or the LA administrator's token, or a signed request from the school agent");
            }
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }

    /** 401 with a machine-readable reason, so that an agent can stop with a clear message. */
    private static void refuse(HttpServletResponse response, String reason, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer, " + RequestSignature.SCHEME);
        response.setContentType("application/json");
        response.getWriter().write(JSON.writeValueAsString(Map.of("status", 401, "error", "Unauthorized",
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
            return Optional.of(Caller.ADMIN);
        }
        return credentials.schoolFor(token).map(Caller::new);
    }
}
