package org.rollbridge.hub.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session at its next request once its account is disabled or given another role or organisation:
 * the session is discarded before access is decided, so the request is treated as signed out (sent to sign in).
 * Without this a leaver's open browser would keep the access an administrator has just taken away.
 */
final class EndedSessions extends OncePerRequestFilter {

    private final Users users;

    EndedSessions(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if ((principal instanceof HubUser || principal instanceof FederatedSignIn.FederatedUser)
                && !users.current(SignedIn.user(authentication))) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
