package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;

@HubTest(settings = "ROLLBRIDGE_WORKERS=0")
class SignInIT {

    static RunningHub hub;

    static Users.NewAccount account(String name, Role role) {
        return hub.account(name, "Sam " + name, role);
    }

    @Test
    void aRightPasswordAndCodeSignInAndTheHomePageNamesTheRole() throws Exception {
        Users.NewAccount a = account("officer-ok", Role.LA_ATTENDANCE_OFFICER);
        PageClient browser = new PageClient(hub.base());

        HttpResponse<String> signIn = browser.signIn("officer-ok", a.password(), a.totpSecret(), Instant.now());
        HttpResponse<String> home = browser.get("/");

        assertStatus(302, signIn);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertStatus(200, home);
        assertThat(home.body()).contains("Signed in as Sam officer-ok").contains("LA attendance officer")
                .contains("/la/overview").doesNotContain("/audit\"");
        assertThat(events("officer-ok", AuditAction.SIGN_IN)).hasSize(1);
        assertThat(a.password()).hasSize(20);
    }

    @Test
    void passwordsAreStoredAsArgon2idAndAnOlderBcryptHashIsUpgradedAtTheNextSignIn() throws Exception {
        Users.NewAccount a = account("officer-hash", Role.LA_ATTENDANCE_OFFICER);
        String stored = hub.db().sql("select password_hash from users where username = 'officer-hash'")
                .query(String.class).single();
        assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain(a.password());

        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                .encode(a.password());
        hub.db().sql("update users set password_hash = ? where username = 'officer-hash'").param(bcrypt).update();
        HttpResponse<String> signIn = new PageClient(hub.base())
                .signIn("officer-hash", a.password(), a.totpSecret(), Instant.now());

        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(hub.db().sql("select password_hash from users where username = 'officer-hash'")
                .query(String.class).single()).startsWith("{argon2}$argon2id$");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswerAndTheUnknownNameIsNotRecorded() throws Exception {
        Users.NewAccount a = account("officer-enum", Role.LA_ATTENDANCE_OFFICER);
        String code = Totp.code(a.totpSecret(), Instant.now());

        HttpResponse<String> wrong = new PageClient(hub.base()).signIn("officer-enum", "not-the-password", code);
        HttpResponse<String> unknown = new PageClient(hub.base()).signIn("nobody-by-this-name", "whatever", code);
        PageClient after = new PageClient(hub.base());
        after.signIn("nobody-by-this-name", "whatever", code);
        String page = after.get("/sign-in?error").body();

        assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        assertThat(page).contains("Enter a correct user name, password and security code");
        assertThat(hub.db().sql("select count(*) from audit_events where actor like '%nobody%' or detail like '%nobody%'"
                + " or subject like '%nobody%'").query(Integer.class).single()).isZero();
        assertThat(hub.db().sql("select count(*) from audit_events where action = 'SIGN_IN_FAILED' and actor is null")
                .query(Integer.class).single()).isPositive();
        assertThat(hub.db().sql("select count(*) from audit_events where detail like '%not-the-password%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        Users.NewAccount a = account("officer-lock", Role.LA_ATTENDANCE_OFFICER);
        PageClient browser = new PageClient(hub.base());
        for (int i = 0; i < 5; i++) {
            browser.signIn("officer-lock", "wrong-" + i, "000000");
        }

        HttpResponse<String> right = browser.signIn("officer-lock", a.password(), a.totpSecret(), Instant.now());

        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error"));
        assertStatus(302, browser.get("/"));
        assertThat(events("officer-lock", AuditAction.SIGN_IN_FAILED)).extracting(AuditLog.Event::detail)
                .contains("wrong password", "account locked");
    }

    @Test
    void parallelAttemptsCheckNoMorePasswordsThanTheLimit() throws Exception {
        account("officer-race", Role.LA_ATTENDANCE_OFFICER);
        int attempts = 12;
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                answers.add(pool.submit(() -> new PageClient(hub.base()).signIn("officer-race", "guess-" + n,
                        "000000")));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertStatus(302, answer.get());
            }
        }

        List<String> why = events("officer-race", AuditAction.SIGN_IN_FAILED).stream()
                .map(AuditLog.Event::detail).toList();
        assertThat(why).hasSize(attempts);
        assertThat(why.stream().filter("wrong password"::equals).count()).isEqualTo(LocalSignIn.MAX_FAILURES);
    }

    @Test
    void theRightPasswordWithAWrongOrReplayedCodeIsRefused() throws Exception {
        Users.NewAccount a = account("officer-code", Role.LA_ATTENDANCE_OFFICER);
        String code = Totp.code(a.totpSecret(), Instant.now());

        HttpResponse<String> noCode = new PageClient(hub.base()).signIn("officer-code", a.password(), "");
        PageClient first = new PageClient(hub.base());
        HttpResponse<String> ok = first.signIn("officer-code", a.password(), code);
        HttpResponse<String> replay = new PageClient(hub.base()).signIn("officer-code", a.password(), code);

        assertThat(noCode.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
        assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(replay.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
        assertThat(events("officer-code", AuditAction.SIGN_IN_FAILED)).extracting(AuditLog.Event::detail)
                .contains("wrong security code", "security code already used");
    }

    @Test
    void formsNeedTheirCsrfTokenAndPagesCarrySecurityHeaders() throws Exception {
        Users.NewAccount a = account("officer-csrf", Role.LA_ATTENDANCE_OFFICER);
        PageClient browser = new PageClient(hub.base());

        HttpResponse<String> forged = browser.post("/sign-in", Map.of("username", "officer-csrf",
                "password", a.password(), "code", Totp.code(a.totpSecret(), Instant.now())));
        HttpResponse<String> page = browser.get("/sign-in");

        assertStatus(403, forged);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // Scripts only from the hub's own files (GOV.UK Frontend's behaviour), never inline.
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)").doesNotContain("style=");
        HttpResponse<String> stylesheet = browser.get("/stylesheets/govuk-frontend.min.css");
        assertStatus(200, stylesheet);
        assertThat(stylesheet.body()).contains(".govuk-header");
        assertStatus(200, browser.get("/assets/images/favicon.ico"));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Users.NewAccount a = account("officer-out", Role.LA_ATTENDANCE_OFFICER);
        PageClient browser = new PageClient(hub.base());
        browser.signIn("officer-out", a.password(), a.totpSecret(), Instant.now());
        String token = browser.csrf("/");

        HttpResponse<String> out = browser.post("/sign-out", Map.of("_csrf", token));

        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?signed-out"));
        assertStatus(302, browser.get("/"));
        assertThat(events("officer-out", AuditAction.SIGN_OUT)).hasSize(1);
    }

    @Test
    void theAuditLogRefusesChangesAndDeletions() {
        hub.bean(AuditLog.class).record("someone", "LA_ADMIN", AuditAction.CHANGE, "person:1", "typo", null, "ok");

        assertThatThrownBy(() -> hub.db().sql("update audit_events set reason = 'edited'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> hub.db().sql("delete from audit_events").update())
                .hasMessageContaining("append-only");
        assertThat(events("someone", AuditAction.CHANGE)).extracting(AuditLog.Event::reason).containsExactly("typo");
    }

    @Test
    void theMachineApiStillTakesBearerCredentialsAndNoSession() throws Exception {
        var anonymous = hub.send(hub.request("/api/v1/batches/00000000-0000-0000-0000-000000000000").GET(), null);

        assertStatus(401, anonymous);
        assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void demoAccountsCoverEveryRoleAndGetNewSecretsEachTimeTheDemoStarts() throws Exception {
        DemoAccounts demo = hub.bean(DemoAccounts.class);
        List<Users.NewAccount> first = demo.issue("9262001", "DEMO-TRUST");
        List<Users.NewAccount> second = demo.issue("9262001", "DEMO-TRUST");

        assertThat(first).extracting(a -> a.user().role()).containsExactly(Role.values());
        assertThat(second.get(0).password()).isNotEqualTo(first.get(0).password());
        assertThat(new PageClient(hub.base()).signIn("demo-la-admin", first.get(0).password(),
                first.get(0).totpSecret(), Instant.now()).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
        assertThat(new PageClient(hub.base()).signIn("demo-la-admin", second.get(0).password(),
                second.get(0).totpSecret(), Instant.now()).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(DemoAccounts.describe(second, "http://localhost:1")).contains("demo-social-care-viewer")
                .contains(second.get(0).totpSecret());
    }

    static List<AuditLog.Event> events(String actor, AuditAction action) {
        return hub.bean(AuditLog.class).search(new AuditLog.Query(actor, action, null, null, null, 100));
    }
}
