package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;

/**
 * Guessing many accounts' passwords from one address (finding 4): past the limit of failed sign-ins from a client
 * in the window, that client's next attempts are refused with 429 and a GOV.UK page before any password is checked,
 * while other clients, behind the same trusted proxy, still sign in. The client is the address the LA's trusted
 * proxy names, never one a stranger's X-Forwarded-For claims.
 */
@HubTest(settings = {"ROLLBRIDGE_TRUSTED_PROXIES=127.0.0.1", "ROLLBRIDGE_SIGN_IN_CLIENT_FAILURES=6"})
class SignInThrottleIT {

    static RunningHub hub;

    @Test
    void manyAccountsGuessedFromOneAddressAreRefusedWith429WhileAnotherAddressSignsIn() throws Exception {
        for (int i = 0; i < 6; i++) {
            hub.account("spray-" + i, "Sam Spray", Role.LA_ATTENDANCE_OFFICER);
        }
        Users.NewAccount victim = hub.account("spray-victim", "Val Victim", Role.LA_ATTENDANCE_OFFICER);
        PageClient attacker = new PageClient(hub.base(), "203.0.113.66");
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> guess = attacker.signIn("spray-" + i, "Winter2025!", "000000");
            assertThat(guess.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                    .endsWith("/sign-in?error"));
        }

        HttpResponse<String> refused = attacker.signIn("spray-victim", victim.password(), victim.totpSecret(),
                Instant.now());
        HttpResponse<String> elsewhere = new PageClient(hub.base(), "203.0.113.67").signIn("spray-victim",
                victim.password(), victim.totpSecret(), Instant.now().plusSeconds(30));

        assertStatus(429, refused);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s ->
                assertThat(Long.parseLong(s)).isBetween(1L, 900L));
        assertThat(refused.body()).contains("govuk-").contains("Too many failed sign-ins from your network");
        assertThat(elsewhere.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .doesNotContain("error"));
        // Refused before the password was checked: the victim's account counts no attempt from the attacker.
        assertThat(hub.db().sql("select sign_in_attempts from users where username = 'spray-victim'")
                .query(Integer.class).single()).isZero();
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Search(null, AuditAction.SIGN_IN_FAILED, null, null,
                null, null), 1, 100).events()).extracting(AuditLog.Event::detail)
                .contains("too many failed sign-ins from one address");
    }
}
