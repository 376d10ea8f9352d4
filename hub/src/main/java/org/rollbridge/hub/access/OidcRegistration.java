package org.rollbridge.hub.access;

import org.rollbridge.hub.ProxySettings;
import org.rollbridge.hub.SignInSettings;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * OpenID Connect, the production sign-in, configured only when ROLLBRIDGE_OIDC_ISSUER is set: the issuer's
 * discovery document supplies the endpoints; ROLLBRIDGE_OIDC_CLIENT_ID and _CLIENT_SECRET identify the hub.
 */
@Configuration
@ConditionalOnExpression("'${rollbridge.sign-in.oidc-issuer:}' != ''")
public class OidcRegistration {

    public static final String REGISTRATION_ID = "la";

    @Bean
    public ClientRegistrationRepository oidcClients(SignInSettings settings, ProxySettings proxy) {
        // The address the provider sends people back to: the configured public one, never a request's Host header.
        String base = proxy.publicUrl() == null ? "{baseUrl}" : proxy.publicUrl().toString();
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.oidcIssuer().toString())
                .registrationId(REGISTRATION_ID).clientName("your organisation's account")
                .clientId(settings.oidcClientId()).clientSecret(settings.oidcClientSecret())
                .scope("openid", "email", "profile")
                .redirectUri(base + "/login/oauth2/code/{registrationId}").build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    public FederatedSignIn federatedSignIn(Users users, AuditLog audit, java.time.Clock clock) {
        return new FederatedSignIn(users, audit, clock);
    }
}
