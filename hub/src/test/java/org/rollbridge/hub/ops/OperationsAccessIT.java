package org.rollbridge.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RunningHub;

/**
 * The operations endpoints are the LA administrators' (finding 6 of the security review): a school's credential
 * reads no metrics, actuator index or API document; health stays open. A request's Host header never becomes a
 * redirect's host, and forwarded headers from a client that is not a trusted proxy are ignored.
 */
@HubTest
class OperationsAccessIT {

    static final List<String> OPERATIONS = List.of("/actuator/prometheus", "/actuator", "/v3/api-docs",
            "/v3/api-docs.yaml");
    static RunningHub hub;

    @Test
    void aSchoolCredentialIsForbiddenTheOperationsEndpoints() throws Exception {
        String school = hub.credentialFor("9264801");

        for (String path : OPERATIONS) {
            HttpResponse<String> response = hub.send(hub.request(path).GET(), school);
            assertStatus(403, response);
            assertThat(response.body()).as(path).contains("credential_scope").doesNotContain("rollbridge_");
        }
    }

    @Test
    void anAdministratorReadsThemAndHealthIsOpenToAll() throws Exception {
        for (String path : OPERATIONS) {
            assertStatus(200, hub.send(hub.request(path).GET(), RunningHub.ADMIN_TOKEN));
        }
        assertStatus(200, hub.send(hub.request("/actuator/health").GET(), null));
        assertStatus(401, hub.send(hub.request("/actuator/prometheus").GET(), null));
    }

    @Test
    void theHostHeaderIsNeverReflectedIntoARedirect() throws Exception {
        String answer = hub.raw("GET /la/overview HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 302");
        String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                .orElseThrow();
        assertThat(location).doesNotContain("attacker.example").endsWith("/sign-in");
    }

    @Test
    void forwardedHeadersFromAClientThatIsNotATrustedProxyAreIgnored() throws Exception {
        String answer = hub.raw("GET /sign-in HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\n"
                + "X-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer.toLowerCase()).doesNotContain("strict-transport-security");
    }
}
