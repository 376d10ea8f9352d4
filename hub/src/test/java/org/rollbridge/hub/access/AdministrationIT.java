package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;

/**
 * The LA administrator's pages over real HTTP with CSRF: an account created signs in with what the page showed
 * once; disabled, it cannot; the establishment file loads dated trust links or is refused whole with each bad row;
 * the access review disables the dormant accounts chosen; only LA administrators reach any of it.
 */
@HubTest
class AdministrationIT {

    static RunningHub hub;
    PageClient admin;

    @BeforeEach
    void signInAsAdministrator() throws Exception {
        admin = hub.signedIn("admin-" + System.nanoTime(), Role.LA_ADMIN);
    }

    @Test
    void anAccountCreatedSignsInWithWhatThePageShowedAndCannotOnceDisabled() throws Exception {
        HttpResponse<String> made = admin.post("/admin/users", Map.of("username", "j.smith", "displayName",
                "Jo Smith", "role", "SCHOOL_DATA_MANAGER", "organisation", "9262001",
                "_csrf", admin.csrf("/admin/users")));
        assertStatus(200, made);
        String password = field(made.body(), "new-password");
        String secret = field(made.body(), "new-secret");
        assertThat(hub.db().sql("select detail from audit_events where action = 'USER_ADMINISTRATION' and subject ="
                + " 'j.smith'").query(String.class).list()).containsExactly("created as SCHOOL_DATA_MANAGER at SCHOOL:9262001");

        PageClient jo = new PageClient(hub.base());
        assertThat(jo.signIn("j.smith", password, secret, Instant.now()).headers().firstValue("Location"))
                .hasValue("/");

        assertStatus(302, admin.post("/admin/users/j.smith/disable", Map.of("reason", "left the school",
                "_csrf", admin.csrf("/admin/users/j.smith"))));
        assertThat(admin.get("/admin/users/j.smith").body()).contains("Disabled");
        PageClient again = new PageClient(hub.base());
        assertThat(again.signIn("j.smith", password, secret, Instant.now().plusSeconds(30)).headers()
                .firstValue("Location").orElseThrow()).contains("/sign-in?error");
    }

    @Test
    void aDisabledAccountsOpenSessionIsSignedOutAtItsNextRequest() throws Exception {
        Users.NewAccount leaver = hub.bean(Users.class).create("leaver-" + System.nanoTime(), "Lee Leaver",
                Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        PageClient session = new PageClient(hub.base());
        session.signIn(leaver.user().username(), leaver.password(), leaver.totpSecret(), Instant.now());
        assertStatus(200, session.get("/pupils"));

        assertStatus(302, admin.post("/admin/users/" + leaver.user().username() + "/disable", Map.of("reason",
                "left the LA", "_csrf", admin.csrf("/admin/users/" + leaver.user().username()))));

        HttpResponse<String> next = session.get("/pupils");
        assertStatus(302, next);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
        assertThat(session.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
    }

    @Test
    void aBadAccountIsRefusedSayingWhatToEnterAndNothingIsCreated() throws Exception {
        HttpResponse<String> refused = admin.post("/admin/users", Map.of("username", "k.jones", "displayName",
                "Kim Jones", "role", "SCHOOL_DATA_MANAGER", "organisation", "92620", "_csrf",
                admin.csrf("/admin/users")));
        assertThat(refused.body()).contains("There is a problem", "Enter the school&#39;s LAESTAB");
        assertThat(hub.db().sql("select count(*) from users where username = 'k.jones'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void roleChangeAndSecondFactorResetAreAudited() throws Exception {
        hub.account("r.change", "Rae Change", Role.LA_ANALYST);
        assertStatus(302, admin.post("/admin/users/r.change/role", Map.of("role", "LA_ATTENDANCE_OFFICER",
                "organisation", "", "_csrf", admin.csrf("/admin/users/r.change"))));
        assertThat(hub.db().sql("select role from users where username = 'r.change'").query(String.class).single())
                .isEqualTo("LA_ATTENDANCE_OFFICER");
        HttpResponse<String> reset = admin.post("/admin/users/r.change/second-factor",
                Map.of("_csrf", admin.csrf("/admin/users/r.change")));
        assertThat(hub.db().sql("select totp_secret from users where username = 'r.change'").query(String.class)
                .single()).isEqualTo(field(reset.body(), "new-secret"));
        assertThat(hub.db().sql("select detail from audit_events where subject = 'r.change' order by id")
                .query(String.class).list()).containsExactly(
                "role LA_ANALYST at LA:926 changed to LA_ATTENDANCE_OFFICER at LA:926", "second factor reset");
    }

    @Test
    void theEstablishmentFileLoadsDatedTrustLinksInAnyColumnOrder() throws Exception {
        String csv = """
                Extra,Group Name,Group UID,URN,EstablishmentName,LA (code),EstablishmentNumber,PhaseOfEducation (name),Date joined group,Date left group
                x,Riverside Learning Trust,2044,140001,Riverside Primary,926,2301,Primary,01-09-2019,31-08-2023
                x,Heath Academies,3188,140001,Riverside Primary,926,2301,Primary,01-09-2023,
                y,,,100002,Town Nursery,926,1002,Nursery,,
                """;
        HttpResponse<String> loaded = admin.upload("/admin/trust-links?_csrf="
                + admin.csrf("/admin/trust-links"), Map.of(), "file", "links.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertStatus(200, loaded);
        assertThat(loaded.body()).contains("Loaded 2 schools and 2 trust links from links.csv");
        var graph = hub.bean(Organisations.class).graph();
        assertThat(graph.trustOf("9262301", LocalDate.of(2022, 1, 1))).contains(Organisation.trust("2044"));
        assertThat(graph.trustOf("9262301", LocalDate.of(2024, 1, 1))).contains(Organisation.trust("3188"));
        assertThat(hub.db().sql("select name || '|' || urn || '|' || phase from schools where laestab = '9262301'")
                .query(String.class).single()).isEqualTo("Riverside Primary|140001|Primary");
        assertThat(hub.db().sql("select name from organisations where kind = 'TRUST' and code = '3188'")
                .query(String.class).single()).isEqualTo("Heath Academies");
    }

    @Test
    void aFileWithBadRowsChangesNothingAndNamesEachRowAndWhatToFix() throws Exception {
        String csv = """
                URN,LAESTAB,EstablishmentName,PhaseOfEducation (name),Group UID,Group Name,Date joined group
                140009,9262309,Good Primary,Primary,2044,Riverside Learning Trust,01-09-2019
                14000,9262310,Bad Urn,Primary,2044,Riverside Learning Trust,01-09-2019
                140011,9262311,Bad Date,Primary,2044,Riverside Learning Trust,31-02-2019
                140012,9262312,Bad Phase,Infant,,,
                """;
        HttpResponse<String> refused = admin.upload("/admin/trust-links?_csrf="
                + admin.csrf("/admin/trust-links"), Map.of(), "file", "bad.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.body()).contains("3 rows need correcting. Nothing was changed.")
                .contains("&#39;14000&#39; is not a URN").contains("&#39;31-02-2019&#39; is not a date")
                .contains("&#39;Infant&#39; is not a phase of education");
        assertThat(hub.db().sql("select count(*) from schools where laestab = '9262309'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void theAccessReviewDisablesTheDormantAccountsChosenAndRecordsTheDecision() throws Exception {
        hub.account("dormant.one", "Dee One", Role.LA_ANALYST);
        hub.account("dormant.two", "Dee Two", Role.LA_ANALYST);
        hub.db().sql("update users set created_at = now() - interval '200 days' where username like 'dormant.%'")
                .update();
        String page = admin.get("/admin/access-review").body();
        assertThat(page).contains("disable-dormant.one", "disable-dormant.two");

        assertStatus(302, admin.post("/admin/access-review", Map.of("disable", "dormant.one", "note",
                "Q4 review", "_csrf", admin.csrf("/admin/access-review"))));

        assertThat(hub.db().sql("select username from users where not enabled").query(String.class).list())
                .contains("dormant.one").doesNotContain("dormant.two");
        assertThat(hub.db().sql("select detail from audit_events where action = 'ACCESS_REVIEW'")
                .query(String.class).single()).contains("dormant kept: [dormant.two]", "disabled: [dormant.one]");
    }

    @Test
    void onlyTheLaAdministratorReachesTheAdministrationPages() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.LA_ADMIN) {
                continue;
            }
            PageClient other = hub.signedIn("not-admin-" + role.name().toLowerCase() + System.nanoTime(), role);
            for (String page : new String[] {"/admin/users", "/admin/trust-links", "/admin/schools",
                    "/admin/access-review"}) {
                assertThat(other.get(page).statusCode()).as(role + " " + page).isEqualTo(403);
            }
        }
        assertThat(admin.post("/admin/users", Map.of("username", "no.csrf", "displayName", "No Token", "role",
                "LA_ANALYST")).statusCode()).isEqualTo(403);
    }

    @Test
    void schoolCredentialsArePausedAndIssuedFromThePage() throws Exception {
        HttpResponse<String> issued = admin.post("/admin/schools/credentials", Map.of("laestab", "9264001",
                "_csrf", admin.csrf("/admin/schools")));
        String token = field(issued.body(), "token");
        assertThat(hub.bean(SchoolCredentials.class).schoolFor(token)).contains("9264001");
        assertStatus(302, admin.post("/admin/schools/9264001/pause", Map.of("paused", "true", "reason",
                "MIS migration", "_csrf", admin.csrf("/admin/schools"))));
        assertThat(admin.get("/admin/schools").body()).contains("Paused", "MIS migration");
        assertStatus(302, admin.post("/admin/schools/9264001/revoke", Map.of("reason", "left the LA",
                "_csrf", admin.csrf("/admin/schools"))));
        assertThat(hub.bean(SchoolCredentials.class).schoolFor(token)).isEmpty();
        assertThat(hub.db().sql("select detail from audit_events where action = 'SCHOOL_ACCESS' order by id")
                .query(String.class).list()).containsExactly("credential issued", "sending paused",
                "1 credentials revoked");
    }

    private static String field(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(html);
        assertThat(m.find()).as(id + " in " + html).isTrue();
        return m.group(1);
    }
}
