package org.rollbridge.hub.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Who is calling: the LA administrator or one school. Set by {@link CredentialFilter} on every request. */
public record Caller(String laestab) {

    static final String ATTRIBUTE = Caller.class.getName();
    public static final Caller ADMIN = new Caller(null);

    public boolean admin() {
        return laestab == null;
    }

    public static Caller of(HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "A credential is required");
        }
        return caller;
    }

    /** Refuses unless the caller is the administrator or the given school. */
    public void requireSchool(String school) {
        if (!admin() && !laestab.equals(school)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "This credential belongs to another school; use school " + school + "'s own credential");
        }
    }

    public void requireAdmin() {
        if (!admin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the LA administrator may do this");
        }
    }

    public String name() {
        return admin() ? "la-admin" : "school " + laestab;
    }
}
