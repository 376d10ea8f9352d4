package org.rollbridge.hub.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of a request, however they signed in. */
public final class SignedIn {

    private SignedIn() {
    }

    public static HubUser user(Authentication authentication) {
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof HubUser user) {
            return user;
        }
        if (principal instanceof FederatedSignIn.FederatedUser federated) {
            return federated.user();
        }
        throw new IllegalStateException("No signed-in user on this request");
    }

    public static HubUser current() {
        return user(SecurityContextHolder.getContext().getAuthentication());
    }
}
