package org.rollbridge.hub.access;

import java.time.Clock;
import java.util.List;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in through the LA's OpenID Connect provider: the provider says who the person is; the hub's own table
 * (oidc_identities, keyed on the issuer and the subject or e-mail) says which role they hold. Someone the table
 * does not know is refused, whatever the provider says.
 */
public class FederatedSignIn extends OidcUserService {

    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    public FederatedSignIn(Users users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The provider's user with the hub's user attached. */
    public static final class FederatedUser extends DefaultOidcUser {
        private final HubUser user;

        FederatedUser(OidcUser oidc, HubUser user) {
            super(List.of(new SimpleGrantedAuthority(user.role().authority())), oidc.getIdToken(), oidc.getUserInfo());
            this.user = user;
        }

        public HubUser user() {
            return user;
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = super.loadUser(request);
        String issuer = String.valueOf(oidc.getIssuer());
        return users.federated(issuer, oidc.getSubject(), oidc.getEmail())
                .map(user -> {
                    audit.record(user, AuditAction.SIGN_IN, null, null, "OpenID Connect " + issuer);
                    users.signedIn(user.id(), clock.instant());
                    return (OidcUser) new FederatedUser(oidc, user);
                })
                .orElseThrow(() -> {
                    audit.record(null, null, AuditAction.SIGN_IN_FAILED, null, null,
                            "no role mapped for a subject of " + issuer, "refused");
                    return new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                            "This account has no role in Rollbridge: ask the LA administrator to add it", null));
                });
    }
}
