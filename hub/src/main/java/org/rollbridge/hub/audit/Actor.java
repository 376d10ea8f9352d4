package org.rollbridge.hub.audit;

/**
 * Who did something, as the audit log records them. Signed-in users are actors; the log needs no more of them
 * than a name and a role, so it depends on nothing that knows how people sign in.
 */
public interface Actor {

    String username();

    String roleName();
}
