package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;

/**
 * Administrators are people with their own API tokens, not one shared token: the shared token (in the scope a hub
 * has by default) only makes personal tokens and school credentials; a personal token is shown once, stored
 * hashed, expires and can be revoked, and its user is the actor of what is done with it.
 */
@HubTest(settings = "ROLLBRIDGE_ADMIN_TOKEN_SCOPE=BOOTSTRAP")
class AdminTokensIT {

    static RunningHub hub;

    static HttpResponse<String> issue(String username, String token) throws Exception {
        return hub.send(hub.request("/api/v1/admin/users/" + username + "/tokens")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"review script\",\"days\":30}")), token);
    }

    static String personalToken(String username) throws Exception {
        hub.account(username, "Sam " + username, Role.LA_ADMIN);
        HttpResponse<String> issued = issue(username, RunningHub.ADMIN_TOKEN);
        assertStatus(201, issued);
        return RunningHub.json(issued).path("token").asString();
    }

    static HttpResponse<String> heldRecords(String token) throws Exception {
        return hub.send(hub.request("/api/v1/held-records").GET(), token);
    }

    static List<AuditLog.Event> events(String actor, AuditAction action) {
        return hub.bean(AuditLog.class).search(new AuditLog.Query(actor, action, null, null, null, 100));
    }

    @Test
    void theSharedTokenOnlySetsTheHubUpAndIsRefusedPupilData() throws Exception {
        HttpResponse<String> refused = heldRecords(RunningHub.ADMIN_TOKEN);

        assertStatus(403, refused);
        assertThat(refused.body()).contains("credential_scope").contains("personal API token");
        assertStatus(403, hub.send(hub.request("/api/v1/review-queue").GET(), RunningHub.ADMIN_TOKEN));
        assertStatus(201, hub.send(hub.request("/api/v1/admin/schools/9263901/credentials")
                .POST(HttpRequest.BodyPublishers.noBody()), RunningHub.ADMIN_TOKEN));
        assertStatus(200, hub.send(hub.request("/actuator/prometheus").GET(), RunningHub.ADMIN_TOKEN));
    }

    @Test
    void aPersonalTokenActsAsItsUserInTheAuditLog() throws Exception {
        String token = personalToken("admin-kim");

        assertStatus(200, heldRecords(token));
        assertStatus(200, hub.send(hub.request("/api/v1/review-queue").GET(), token));

        assertThat(events("admin-kim", AuditAction.VIEW_HELD)).hasSize(1);
        assertThat(events("admin-kim", AuditAction.VIEW_PUPIL)).extracting(AuditLog.Event::subject)
                .containsExactly("review-queue");
        assertThat(events("admin-kim", AuditAction.VIEW_PUPIL).get(0).role()).isEqualTo("LA_ADMIN");
        assertThat(events("shared-admin-token", AuditAction.ADMIN_TOKEN_ISSUED)).extracting(AuditLog.Event::detail)
                .anySatisfy(d -> assertThat(d).startsWith("for admin-kim"));
    }

    @Test
    void onlyItsHashIsKept() throws Exception {
        String token = personalToken("admin-hash");

        assertThat(hub.db().sql("select count(*) from admin_tokens t where t::text like ?").param("%" + token + "%")
                .query(Long.class).single()).isZero();
        assertThat(hub.db().sql("select token_hash from admin_tokens t join users u on u.id = t.user_id "
                + "where u.username = 'admin-hash'").query(String.class).single()).hasSize(64);
    }

    @Test
    void aRevokedOrExpiredTokenIsRefusedWithTheReason() throws Exception {
        String revoked = personalToken("admin-revoked");
        long id = hub.db().sql("select t.id from admin_tokens t join users u on u.id = t.user_id "
                + "where u.username = 'admin-revoked'").query(Long.class).single();
        assertStatus(200, hub.send(hub.request("/api/v1/admin/tokens/" + id + "/revoke")
                .POST(HttpRequest.BodyPublishers.noBody()), revoked));
        String expired = personalToken("admin-expired");
        hub.db().sql("update admin_tokens set expires_at = now() - interval '1 second' where user_id = "
                + "(select id from users where username = 'admin-expired')").update();

        for (String token : List.of(revoked, expired)) {
            HttpResponse<String> response = heldRecords(token);
            assertStatus(401, response);
            assertThat(response.body()).contains("credential_revoked");
        }
        assertThat(events("admin-revoked", AuditAction.ADMIN_TOKEN_REVOKED)).hasSize(1);
    }

    @Test
    void aTokenIsOnlyForAnEnabledLaAdministratorAndStopsWorkingWhenTheAccountIsDisabled() throws Exception {
        hub.account("officer-token", "Sam Officer", Role.LA_ATTENDANCE_OFFICER);
        String token = personalToken("admin-leaver");

        HttpResponse<String> officer = issue("officer-token", RunningHub.ADMIN_TOKEN);
        assertStatus(400, officer);
        assertThat(officer.body()).contains("LA administrators only");
        assertStatus(400, issue("nobody-here", RunningHub.ADMIN_TOKEN));
        hub.db().sql("update users set enabled = false where username = 'admin-leaver'").update();
        assertStatus(401, heldRecords(token));
    }

    @Test
    void aSchoolCredentialCannotMakeTokens() throws Exception {
        hub.account("admin-target", "Sam Target", Role.LA_ADMIN);

        assertStatus(403, issue("admin-target", hub.credentialFor("9263902")));
    }

    @Test
    void anLaAdministratorMakesATokenOnThePageSeesItOnceAndRevokesIt() throws Exception {
        hub.account("admin-for", "Sam For", Role.LA_ADMIN);
        PageClient admin = hub.signedIn("admin-page", Role.LA_ADMIN);

        HttpResponse<String> made = admin.post("/admin/tokens", Map.of("_csrf", admin.csrf("/admin/tokens"),
                "username", "admin-for", "label", "nightly export", "days", "7"));
        assertStatus(200, made);
        String token = made.body().replaceAll("(?s).*id=\"new-token\">([^<]+)<.*", "$1");
        assertThat(token).startsWith("rba_");
        assertStatus(200, heldRecords(token));
        assertThat(admin.get("/admin/tokens").body()).contains("admin-for").contains("nightly export")
                .doesNotContain(token);
        HttpResponse<String> wrong = admin.post("/admin/tokens", Map.of("_csrf", admin.csrf("/admin/tokens"),
                "username", "admin-for", "label", "x", "days", "9999"));
        assertThat(wrong.body()).contains("govuk-error-summary").contains("from 1 to 365 days");

        long id = hub.db().sql("select t.id from admin_tokens t join users u on u.id = t.user_id "
                + "where u.username = 'admin-for'").query(Long.class).single();
        HttpResponse<String> revoked = admin.post("/admin/tokens/" + id + "/revoke",
                Map.of("_csrf", admin.csrf("/admin/tokens")));
        assertStatus(302, revoked);
        assertStatus(401, heldRecords(token));
        assertThat(events("admin-page", AuditAction.ADMIN_TOKEN_ISSUED)).hasSize(1);
        assertThat(events("admin-page", AuditAction.ADMIN_TOKEN_REVOKED)).hasSize(1);
    }
}
