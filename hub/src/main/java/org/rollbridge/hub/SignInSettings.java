package org.rollbridge.hub;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in to the pages (docs/signing-in.md).
 *
 * @param sessionIdleTimeout a signed-in session ends after this long without a request
 * @param secureCookies the session cookie is sent only over HTTPS; true by default, false only for a hub reached
 *                      over plain HTTP (the demo, tests on the loopback)
 * @param oidcIssuer the LA's OpenID Connect issuer; none means local accounts only
 * @param oidcClientId the hub's client id at that issuer, required with it
 * @param oidcClientSecret the hub's client secret at that issuer
 * @param clientFailures failed local sign-ins from one client address within 15 minutes after which that address's
 *                       attempts are refused (429) until its window ends, whichever accounts they name
 */
@ConfigurationProperties("rollbridge.sign-in")
public record SignInSettings(
        @Variable(value = "ROLLBRIDGE_SESSION_IDLE_TIMEOUT", byDefault = "20m") Duration sessionIdleTimeout,
        @Variable(value = "ROLLBRIDGE_SECURE_COOKIES", byDefault = "true") boolean secureCookies,
        @Variable("ROLLBRIDGE_OIDC_ISSUER") URI oidcIssuer,
        @Variable("ROLLBRIDGE_OIDC_CLIENT_ID") String oidcClientId,
        @Variable("ROLLBRIDGE_OIDC_CLIENT_SECRET") String oidcClientSecret,
        @Variable(value = "ROLLBRIDGE_SIGN_IN_CLIENT_FAILURES", byDefault = "20") int clientFailures) {

    public SignInSettings {
        HubSettings.requirePositive("ROLLBRIDGE_SESSION_IDLE_TIMEOUT", sessionIdleTimeout);
        if (clientFailures < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_SIGN_IN_CLIENT_FAILURES must be 1 or more; it was "
                    + clientFailures);
        }
        oidcClientId = oidcClientId == null ? "" : oidcClientId;
        oidcClientSecret = oidcClientSecret == null ? "" : oidcClientSecret;
        if (oidcIssuer != null && !oidcIssuer.toString().isEmpty()) {
            if (!"https".equals(oidcIssuer.getScheme()) && !"http".equals(oidcIssuer.getScheme())) {
                throw new IllegalArgumentException("ROLLBRIDGE_OIDC_ISSUER must be the issuer's URL, such as "
                        + "https://login.example.gov.uk/realms/la; it was '" + oidcIssuer + "'");
            }
            if (oidcClientId.isBlank()) {
                throw new IllegalArgumentException("ROLLBRIDGE_OIDC_ISSUER is set but ROLLBRIDGE_OIDC_CLIENT_ID is "
                        + "not: give the client id the identity provider issued for the hub");
            }
        } else {
            oidcIssuer = null;
        }
    }
}
