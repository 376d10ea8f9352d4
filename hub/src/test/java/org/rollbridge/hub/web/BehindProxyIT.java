package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RunningHub;

/**
 * Behind the LA's TLS proxy (finding 6): a request the trusted proxy says came over HTTPS gets HSTS, and the
 * session cookie is Secure, as it is by default outside the demo.
 */
@HubTest(settings = {"ROLLBRIDGE_TRUSTED_PROXIES=127.0.0.1", "ROLLBRIDGE_SECURE_COOKIES=true"})
class BehindProxyIT {

    static RunningHub hub;

    static String signInPage(String forwarded) throws Exception {
        return hub.raw("GET /sign-in HTTP/1.1\r\nHost: localhost\r\n" + forwarded
                + "Connection: close\r\n\r\n").toLowerCase();
    }

    @Test
    void aRequestTheProxyReceivedOverHttpsGetsHstsAndASecureSessionCookie() throws Exception {
        String answer = signInPage("X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9\r\n");

        assertThat(answer).startsWith("http/1.1 200").contains("strict-transport-security: max-age=31536000");
        assertThat(answer.lines().filter(l -> l.startsWith("set-cookie: jsessionid="))).singleElement()
                .satisfies(c -> assertThat(c).contains("; secure").contains("; httponly"));
    }

    @Test
    void theSessionCookieIsSecureEvenOverPlainHttpWhereThereIsNoHsts() throws Exception {
        String answer = signInPage("");

        assertThat(answer).doesNotContain("strict-transport-security");
        assertThat(answer.lines().filter(l -> l.startsWith("set-cookie: jsessionid="))).singleElement()
                .satisfies(c -> assertThat(c).contains("; secure"));
    }
}
