package org.rollbridge.hub.access;

import java.io.Serializable;
import org.rollbridge.hub.audit.Actor;

/** A signed-in person: who, in which role, at which organisation. Kept in the session. */
public record HubUser(long id, String username, String displayName, Role role, Organisation organisation)
        implements Serializable, Actor {

    public boolean may(Capability capability) {
        return role.may(capability);
    }

    @Override
    public String roleName() {
        return role.name();
    }
}
