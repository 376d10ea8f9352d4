package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;
import tools.jackson.databind.JsonNode;

/**
 * Errors are GOV.UK pages in the layout, with sign-out, for people, and the API's JSON errors for machines; never
 * Spring's "Whitelabel" page. An address nobody may open is not found (404) to a signed-in user, not forbidden.
 */
@HubTest
class ErrorPagesIT {

    static RunningHub hub;
    static PageClient officer;

    @BeforeAll
    static void signIn() throws Exception {
        officer = hub.signedIn("errors-officer", Role.LA_ATTENDANCE_OFFICER);
    }

    static void assertGovUkPage(HttpResponse<String> response, String heading) {
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).doesNotContain("Whitelabel").contains("govuk-header")
                .contains("<h1 class=\"govuk-heading-l\" id=\"problem-heading\">" + heading + "</h1>")
                .contains("<title>" + heading + " - Rollbridge</title>");
    }

    /** An address nobody may open is not found; a page the role may not open is forbidden; both with sign-out. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/no-such-page, 404, Page not found", "/review, 403, You cannot see this page"})
    void anUnknownAddressIsNotFoundAndAForbiddenPageForbiddenOnPagesWithSignOut(String path, int status,
                                                                              String heading) throws Exception {
        HttpResponse<String> response = officer.get(path);

        assertStatus(status, response);
        assertGovUkPage(response, heading);
        assertThat(response.body()).contains("action=\"/sign-out\"");
    }

    @Test
    void badInputInTheAddressIsABadRequestPageSayingWhatWasWrong() throws Exception {
        HttpResponse<String> response = officer.get("/pupils/abc");

        assertStatus(400, response);
        assertGovUkPage(response, "There is a problem with the address or form");
        assertThat(response.body()).contains("&#39;abc&#39; is not a valid id (a whole number)")
                .contains("action=\"/sign-out\"");
    }

    @Test
    void aPageAskedForWithTheWrongMethodIsAPageSayingSoInWords() throws Exception {
        HttpResponse<String> response = officer.get("/alerts/1/assign");

        assertStatus(405, response);
        assertGovUkPage(response, "This page cannot be opened from an address");
        assertThat(response.body()).contains("action=\"/sign-out\"").doesNotContain("Method &#39;GET&#39;");
    }

    @Test
    void tooManyFailedSignInsFromOneAddressIsAPageSayingWhenToTryAgain() throws Exception {
        PageClient guesser = new PageClient(hub.base());
        assertStatus(302, guesser.signIn("errors-officer", "wrong", "000000"));
        // The address's count past any limit, without the hundreds of guesses it stands for.
        hub.db().sql("update sign_in_clients set failures = 1000000000").update();
        try {
            HttpResponse<String> response = guesser.signIn("errors-officer", "wrong", "000000");

            assertStatus(429, response);
            assertGovUkPage(response, "Too many attempts to sign in");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        } finally {
            hub.db().sql("delete from sign_in_clients").update();
        }
    }

    @Test
    void anErrorWithNoRequestBehindItIsTheServicesProblemPage() throws Exception {
        HttpResponse<String> response = new PageClient(hub.base()).get("/error");

        assertStatus(500, response);
        assertGovUkPage(response, "Sorry, there is a problem with the service");
        assertThat(response.body()).doesNotContain("action=\"/sign-out\"");
    }

    @Test
    void theApiAnswersItsOwnJsonErrorsForUnknownAddressesAndBadInput() throws Exception {
        HttpResponse<String> unknown = hub.send(hub.request("/api/v1/no-such-thing").GET(), RunningHub.ADMIN_TOKEN);
        HttpResponse<String> bad = hub.send(hub.request("/api/v1/alerts/abc").GET(), RunningHub.ADMIN_TOKEN);

        assertStatus(404, unknown);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode notFound = RunningHub.json(unknown);
        assertThat(notFound.path("status").asInt()).isEqualTo(404);
        assertThat(notFound.path("error").asString()).isEqualTo("Not Found");
        assertStatus(400, bad);
        assertThat(RunningHub.json(bad).path("message").asString()).contains("'abc' is not a valid id");
    }
}
