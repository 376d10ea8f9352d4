package org.rollbridge.hub.access;

import org.rollbridge.hub.Refusal;

/**
 * Who is calling the machine API: the LA administrator or one school. {@link CredentialFilter} works it out on
 * every request; controllers read it with {@link CredentialFilter#callerOf}.
 */
public record Caller(String laestab) {

    public static final Caller ADMIN = new Caller(null);

    public boolean admin() {
        return laestab == null;
    }

    /** Refuses unless the caller is the administrator or the given school. */
    public void requireSchool(String school) {
        if (!admin() && !laestab.equals(school)) {
            throw new Refusal.NotAllowed(
                    "This credential belongs to another school; use school " + school + "'s own credential");
        }
    }

    public void requireAdmin() {
        if (!admin()) {
            throw new Refusal.NotAllowed("Only the LA administrator may do this");
        }
    }

    public String name() {
        return admin() ? "la-admin" : "school " + laestab;
    }
}
