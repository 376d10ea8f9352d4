package org.rollbridge.hub.access;

import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.Actor;

/**
 * Who is calling the machine API: an LA administrator (by their personal token, or the shared bootstrap token) or
 * one school. {@link CredentialFilter} works it out on every request; controllers read it with
 * {@link CredentialFilter#callerOf}. The audit log records it as the actor.
 */
public record Caller(String laestab, String administrator) implements Actor {

    /** The shared administrator token (ROLLBRIDGE_ADMIN_TOKEN): one actor for whoever holds it. */
    public static final Caller SHARED_ADMIN = new Caller(null, "shared-admin-token");

    public static Caller school(String laestab) {
        return new Caller(laestab, null);
    }

    /** An administrator calling with their personal token: they are the actor. */
    public static Caller administrator(HubUser user) {
        return new Caller(null, user.username());
    }

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
        return admin() ? administrator : "school " + laestab;
    }

    @Override
    public String username() {
        return name();
    }

    @Override
    public String roleName() {
        return admin() ? Role.LA_ADMIN.name() : "SCHOOL";
    }
}
