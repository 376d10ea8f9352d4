package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.HubDependency;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.TestDatabase;
import org.rollbridge.testidp.TestIdentityProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Sign-in through a real OpenID Connect provider (Spring Authorization Server) run in the test. */
@HubTest(settings = "ROLLBRIDGE_WORKERS=0", dependsOn = OidcSignInIT.IdentityProvider.class)
class OidcSignInIT {

    static RunningHub hub;
    static IdentityProvider provider;
    static String issuer;

    /** The LA's identity provider, with one client (the hub) and one user (pat.officer). */
    public static final class IdentityProvider implements HubDependency {

        final String issuer;
        private final ConfigurableApplicationContext context;

        public IdentityProvider() throws Exception {
            int port = freePort();
            // Different host names keep the two session cookies apart; a loopback redirect URI matches any port.
            issuer = "http://localhost:" + port;
            TestDatabase database = TestDatabase.create();
            String client = "spring.security.oauth2.authorizationserver.client.hub.";
            SpringApplication idp = new SpringApplication(TestIdentityProvider.class);
            idp.setDefaultProperties(java.util.Map.of("server.port", String.valueOf(port)));
            context = idp.run(
                    "--spring.config.name=test-identity-provider",
                    "--spring.autoconfigure.exclude=org.springdoc.webmvc.core.configuration.MultipleOpenApiSupportConfiguration,"
                            + "org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration,"
                            + "org.springdoc.core.configuration.SpringDocConfiguration",
                    "--spring.flyway.enabled=false",
                    "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                    "--spring.main.banner-mode=off", "--spring.security.oauth2.authorizationserver.issuer=" + issuer,
                    "--spring.security.user.name=pat.officer", "--spring.security.user.password={noop}idp-password",
                    "--" + client + "registration.client-id=rollbridge-hub",
                    "--" + client + "registration.client-secret={noop}hub-secret",
                    "--" + client + "registration.client-authentication-methods=client_secret_basic",
                    "--" + client + "registration.authorization-grant-types=authorization_code",
                    "--" + client + "registration.redirect-uris=http://127.0.0.1/login/oauth2/code/la",
                    "--" + client + "registration.scopes=openid,profile,email",
                    "--" + client + "require-authorization-consent=false");
        }

        @Override
        public List<String> settings() {
            return List.of("ROLLBRIDGE_OIDC_ISSUER=" + issuer, "ROLLBRIDGE_OIDC_CLIENT_ID=rollbridge-hub",
                    "ROLLBRIDGE_OIDC_CLIENT_SECRET=hub-secret");
        }

        @Override
        public void close() {
            context.close();
        }
    }

    @BeforeAll
    static void mapUser() {
        issuer = provider.issuer;
        hub.bean(Users.class).createFederated("pat-oidc", "Pat Officer", Role.LA_ATTENDANCE_OFFICER,
                Organisation.la("926"), issuer, "sub", "pat.officer");
    }

    @Test
    void aMappedUserSignsInThroughTheProviderAndGetsTheirRole() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        assertThat(get(browser, hub.base() + "/sign-in").body()).contains("/oauth2/authorization/la");
        String authorize = location(get(browser, hub.base() + "/oauth2/authorization/la"));
        assertThat(authorize).startsWith(issuer + "/oauth2/authorize");
        String login = location(get(browser, authorize));
        HttpResponse<String> loginPage = get(browser, login.startsWith("http") ? login : issuer + login);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("the provider's login form").isTrue();
        HttpResponse<String> signedInAtProvider = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=pat.officer&password="
                        + URLEncoder.encode("idp-password", StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String back = location(get(browser, absolute(location(signedInAtProvider))));
        assertThat(back).startsWith(hub.base() + "/login/oauth2/code/la?code=");
        HttpResponse<String> callback = get(browser, back);
        assertThat(location(callback)).endsWith("/");
        HttpResponse<String> home = get(browser, hub.base() + "/");

        assertStatus(200, home);
        assertThat(home.body()).contains("Signed in as Pat Officer").contains("LA attendance officer");
        assertStatus(403, get(browser, hub.base() + "/audit"), "the mapped role's limits hold");
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("pat-oidc", AuditAction.SIGN_IN, null, null,
                null, 10))).extracting(AuditLog.Event::detail).containsExactly("OpenID Connect " + issuer);
    }

    static String absolute(String location) {
        return location.startsWith("http") ? location : issuer + location;
    }

    static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                response.uri() + " answered " + response.statusCode() + " without a redirect: " + response.body()));
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
