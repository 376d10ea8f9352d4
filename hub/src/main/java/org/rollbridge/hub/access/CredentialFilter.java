package org.rollbridge.hub.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Deny by default: every request needs a bearer credential (a school's token or the LA administrator's)
 * except the health probes. Which school may do what is checked where the resource is known ({@link Caller}).
 */
@Component
public class CredentialFilter extends OncePerRequestFilter {

    private final SchoolCredentials credentials;
    private final HubProperties settings;

    public CredentialFilter(SchoolCredentials credentials, HubProperties settings) {
        this.credentials = credentials;
        this.settings = settings;
    }

    /** Health probes, and pages, which people reach by signing in ({@link SignInSecurity}). */
    static boolean open(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/") || !PageAccess.machine(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = authenticate(request.getHeader("Authorization"));
        if (caller.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":401,\"error\":\"Unauthorized\",\"message\":"
                    + "\"Send 'Authorization: Bearer <token>' with a school credential or the LA administrator's token\"}");
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private Optional<Caller> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        if (token.isEmpty()) {
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
