package org.rollbridge.hub.access;

import java.io.Serializable;

/** A signed-in person: who, in which role, at which organisation. Kept in the session. */
public record HubUser(long id, String username, String displayName, Role role, Organisation organisation)
        implements Serializable {

    public boolean may(Capability capability) {
        return role.may(capability);
    }
}
