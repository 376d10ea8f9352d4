package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the hub maps has an access rule, and every role gets exactly what {@link PageAccess} and
 * {@link Role} say: 200 where allowed, 403 where not, 404 for a pupil that is not there (or not theirs), a
 * redirect to sign in for anonymous visitors of pages and 401 for anonymous callers of the machine API.
 */
@HubTest(settings = "ROLLBRIDGE_WORKERS=0")
class AuthorizationMatrixIT {

    static RunningHub hub;
    static final Map<Role, PageClient> SIGNED_IN = new EnumMap<>(Role.class);

    @BeforeAll
    static void signIn() throws Exception {
        for (Role role : Role.values()) {
            Users.NewAccount account = hub.account("matrix-" + role.name().toLowerCase(), role.name(), role);
            PageClient client = new PageClient(hub.base());
            HttpResponse<String> signIn = client.signIn(account.user().username(), account.password(),
                    account.totpSecret(), Instant.now());
            assertThat(signIn.headers().firstValue("Location")).as(role + " signs in")
                    .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
            SIGNED_IN.put(role, client);
        }
    }

    record Endpoint(String pattern, Set<RequestMethod> methods) {
        /** A concrete path for the pattern: every variable is an id that does not exist. */
        String sample() {
            return pattern.replaceAll("\\{[^}]+}", "999999");
        }

        boolean get() {
            return methods.isEmpty() || methods.contains(RequestMethod.GET);
        }
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : hub.beans(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    all.add(new Endpoint(pattern, info.getMethodsCondition().getMethods()));
                }
            }
        }
        return all;
    }

    @Test
    void everyEndpointHasAnAccessRule() {
        List<Endpoint> endpoints = endpoints();

        assertThat(endpoints).extracting(Endpoint::pattern).contains("/sign-in", "/", "/audit", "/pupils/{id}",
                "/api/v1/schools/{laestab}/batches");
        assertThat(endpoints).filteredOn(e -> !PageAccess.machine(e.sample()) && PageAccess.ruleFor(e.sample()).isEmpty())
                .as("endpoints without an access rule in PageAccess").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> anonymousVisitorsAreSentToSignInAndAnonymousMachinesGet401() {
        return endpoints().stream().filter(Endpoint::get).map(e -> DynamicTest.dynamicTest("anonymous " + e.pattern(),
                () -> {
                    HttpResponse<String> response = new PageClient(hub.base()).get(e.sample());
                    if (PageAccess.machine(e.sample())) {
                        if (!e.sample().startsWith("/actuator/health")) {
                            assertStatus(401, response);
                        }
                    } else if (PageAccess.ruleFor(e.sample()).orElseThrow().audience() == PageAccess.Audience.ANYONE) {
                        assertThat(response.statusCode()).isIn(200, 404, 500);
                        assertThat(response.statusCode()).isNotEqualTo(302);
                    } else {
                        assertStatus(302, response);
                        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                                l -> assertThat(l).endsWith("/sign-in"));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsWhatItsCapabilitiesAllow() {
        return Stream.of(Role.values()).flatMap(role -> endpoints().stream()
                .filter(e -> e.get() && !PageAccess.machine(e.sample()) && !e.pattern().equals("/error"))
                .map(e -> DynamicTest.dynamicTest(role + " " + e.pattern(), () -> {
                    PageAccess.Rule rule = PageAccess.ruleFor(e.sample()).orElseThrow();
                    HttpResponse<String> response = SIGNED_IN.get(role).get(e.sample());
                    if (!rule.allows(role)) {
                        assertStatus(403, response);
                    } else if (e.pattern().contains("{")) {
                        assertStatus(404, response, "an id that does not exist");
                    } else {
                        assertStatus(200, response);
                    }
                })));
    }

    /** The dashboards, role by role, written out rather than derived from the roles' capabilities. */
    @TestFactory
    Stream<DynamicTest> eachDashboardOpensForItsRolesAndNoOthers() {
        Map<String, Set<Role>> opens = new java.util.HashMap<>(Map.of(
                "/la/overview", EnumSet.of(Role.LA_ADMIN, Role.LA_ATTENDANCE_OFFICER, Role.LA_ANALYST),
                "/trust", EnumSet.of(Role.TRUST_VIEWER),
                "/national", EnumSet.of(Role.DFE_ANALYST),
                "/audit", EnumSet.of(Role.LA_ADMIN),
                "/audit/export", EnumSet.of(Role.LA_ADMIN),
                "/admin/tokens", EnumSet.of(Role.LA_ADMIN),
                "/pupils", EnumSet.of(Role.LA_ADMIN, Role.LA_ATTENDANCE_OFFICER, Role.LA_CME_OFFICER,
                        Role.SOCIAL_CARE_VIEWER, Role.SCHOOL_DATA_MANAGER)));
        opens.putAll(EXPORTS);
        return opens.entrySet().stream().flatMap(page -> Stream.of(Role.values()).map(role -> DynamicTest.dynamicTest(
                role + " " + page.getKey(), () -> assertStatus(page.getValue().contains(role) ? 200 : 403,
                        SIGNED_IN.get(role).get(page.getKey())))));
    }

    /**
     * Every export URL and who may open it, written out: pupil-level exports for whole-system access only (the LA
     * administrator), planning exports for the LA analyst, each dashboard's tables for the roles of its page.
     */
    static final Map<String, Set<Role>> EXPORTS = Map.of(
            "/exports/alerts?kind=PA_10", EnumSet.of(Role.LA_ADMIN),
            "/exports/cohort?cohort=FSM", EnumSet.of(Role.LA_ADMIN),
            "/exports/held?laestab=9262001", EnumSet.of(Role.LA_ADMIN),
            "/exports/search?upn=A926200125001", EnumSet.of(Role.LA_ADMIN),
            "/planning/exports", EnumSet.of(Role.LA_ANALYST),
            "/la/overview/schools.csv", EnumSet.of(Role.LA_ADMIN, Role.LA_ATTENDANCE_OFFICER, Role.LA_ANALYST),
            "/la/overview/cohorts.xlsx", EnumSet.of(Role.LA_ADMIN, Role.LA_ATTENDANCE_OFFICER, Role.LA_ANALYST),
            "/trust/schools.csv", EnumSet.of(Role.TRUST_VIEWER),
            "/trust/headline.xlsx", EnumSet.of(Role.TRUST_VIEWER),
            "/national/phases.csv", EnumSet.of(Role.DFE_ANALYST));

    /** Making an export is a POST: refused (403) to every role but the export's own, which is asked its purpose. */
    @TestFactory
    Stream<DynamicTest> onlyTheExportsOwnRoleMayPostItsForm() {
        Map<String, Set<Role>> forms = Map.of(
                "/exports/alerts", EnumSet.of(Role.LA_ADMIN), "/exports/cohort", EnumSet.of(Role.LA_ADMIN),
                "/exports/held", EnumSet.of(Role.LA_ADMIN), "/exports/search", EnumSet.of(Role.LA_ADMIN),
                "/planning/exports", EnumSet.of(Role.LA_ANALYST));
        return forms.entrySet().stream().flatMap(form -> Stream.of(Role.values()).map(role -> DynamicTest.dynamicTest(
                role + " POST " + form.getKey(), () -> {
                    PageClient client = SIGNED_IN.get(role);
                    HttpResponse<String> response = client.post(form.getKey(), Map.of("_csrf", client.csrf("/"),
                            "kind", "PA_10", "cohort", "FSM", "laestab", "9262001", "upn", "A926200125001",
                            "purpose", " "));
                    assertStatus(form.getValue().contains(role) ? 400 : 403, response, "no purpose given");
                })));
    }

    /** The alert case forms: only roles that work the queues may post them (404 for a case that is not there). */
    @TestFactory
    Stream<DynamicTest> everyRoleMayPostTheAlertCaseFormsOnlyIfItWorksTheQueues() {
        return Stream.of(Role.values()).flatMap(role -> Stream.of("assign", "acknowledge", "resolve")
                .map(action -> DynamicTest.dynamicTest(role + " POST /alerts/{id}/" + action, () -> {
                    PageClient client = SIGNED_IN.get(role);
                    String csrf = client.csrf("/");
                    HttpResponse<String> response = client.post("/alerts/999999/" + action, Map.of("_csrf", csrf,
                            "assignedTo", "matrix-la_admin", "reason", "matrix"));
                    assertThat(PageAccess.ruleFor("/alerts/999999/" + action).orElseThrow().capability())
                            .isEqualTo(Capability.ALERT_QUEUE);
                    assertStatus(role.may(Capability.ALERT_QUEUE) ? 404 : 403, response);
                })));
    }

    /**
     * The operations endpoints (metrics, the actuator's index, the API document) are the administrators': a school's
     * credential is forbidden them, an anonymous caller must authenticate, and health is open to all.
     */
    @TestFactory
    Stream<DynamicTest> theOperationsEndpointsAreForAdministratorsOnly() {
        return Stream.of("/actuator", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs.yaml",
                "/actuator/health").map(path -> DynamicTest.dynamicTest(path, () -> {
                    boolean health = path.startsWith("/actuator/health");
                    assertStatus(health ? 200 : 403, hub.send(hub.request(path).GET(), hub.credentialFor("9262001")));
                    assertStatus(200, hub.send(hub.request(path).GET(), RunningHub.ADMIN_TOKEN));
                    assertStatus(health ? 200 : 401, hub.send(hub.request(path).GET(), null));
                }));
    }

    /** Token administration: only administrators make and revoke personal tokens, on the pages and on the API. */
    @TestFactory
    Stream<DynamicTest> onlyAdministratorsMakeAndRevokePersonalTokens() {
        Stream<DynamicTest> pages = Stream.of(Role.values()).flatMap(role -> Stream.of("/admin/tokens",
                "/admin/tokens/999999/revoke").map(path -> DynamicTest.dynamicTest(role + " POST " + path, () -> {
                    PageClient client = SIGNED_IN.get(role);
                    HttpResponse<String> response = client.post(path, Map.of("_csrf", client.csrf("/"),
                            "username", "nobody", "label", "matrix", "days", "1"));
                    assertThat(PageAccess.ruleFor(path).orElseThrow().capability()).isEqualTo(Capability.ADMINISTER);
                    if (!role.may(Capability.ADMINISTER)) {
                        assertStatus(403, response);
                    } else {
                        // An unknown user is a form error on the page; an unknown token is not found.
                        assertStatus(path.endsWith("revoke") ? 404 : 200, response);
                    }
                })));
        Stream<DynamicTest> api = Stream.of(
                DynamicTest.dynamicTest("school credential POST /api/v1/admin/users/{username}/tokens", () ->
                        assertStatus(403, hub.send(hub.request("/api/v1/admin/users/matrix-la_admin/tokens")
                                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest
                                        .BodyPublishers.ofString("{\"label\":\"x\"}")), hub.credentialFor("9262001")))),
                DynamicTest.dynamicTest("school credential POST /api/v1/admin/tokens/{id}/revoke", () ->
                        assertStatus(403, hub.send(hub.request("/api/v1/admin/tokens/999999/revoke").POST(
                                java.net.http.HttpRequest.BodyPublishers.noBody()), hub.credentialFor("9262001")))),
                DynamicTest.dynamicTest("administrator POST /api/v1/admin/tokens/{id}/revoke unknown id", () ->
                        assertStatus(404, hub.send(hub.request("/api/v1/admin/tokens/999999/revoke").POST(
                                java.net.http.HttpRequest.BodyPublishers.noBody()), RunningHub.ADMIN_TOKEN))),
                DynamicTest.dynamicTest("anonymous POST /api/v1/admin/users/{username}/tokens", () ->
                        assertStatus(401, hub.send(hub.request("/api/v1/admin/users/matrix-la_admin/tokens")
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()), null))));
        return Stream.concat(pages, api);
    }

    /** Who may call a machine endpoint. */
    enum Callers {
        /** The LA administrator's token only: a school's credential gets 403. */
        ADMIN,
        /** A school's credential for its own school (the LAESTAB in the path) only, or the administrator's. */
        OWN_SCHOOL,
        /** Any credential, each school seeing only its own (another school's batch or case is not found). */
        SCOPED,
        /** No credential: the enrolment code in the body is the credential (docs/agent.md). */
        ENROLMENT_CODE
    }

    /**
     * Every machine endpoint, method and path, written out with who may call it. A new endpoint fails
     * {@link #everyMachineEndpointIsWrittenOutWithWhoMayCallIt} until it is listed here, and so gets checked.
     */
    static final Map<String, Callers> MACHINE_API = Map.ofEntries(
            Map.entry("GET /api/v1/pupils/{upn}", Callers.ADMIN),
            Map.entry("GET /api/v1/pupils/{upn}/attendance", Callers.ADMIN),
            Map.entry("GET /api/v1/pupils/{upn}/exclusions", Callers.ADMIN),
            Map.entry("GET /api/v1/retention/runs", Callers.ADMIN),
            Map.entry("POST /api/v1/retention/runs", Callers.ADMIN),
            Map.entry("GET /api/v1/retention/holds", Callers.ADMIN),
            Map.entry("POST /api/v1/retention/holds", Callers.ADMIN),
            Map.entry("POST /api/v1/retention/holds/{id}/release", Callers.ADMIN),
            Map.entry("GET /api/v1/persons/{id}/retention", Callers.ADMIN),
            Map.entry("POST /api/v1/persons/{id}/erasure", Callers.ADMIN),
            Map.entry("POST /api/v1/persons/{id}/subject-access", Callers.ADMIN),
            Map.entry("GET /api/v1/persons/{id}/rectifications", Callers.ADMIN),
            Map.entry("POST /api/v1/persons/{id}/rectifications", Callers.ADMIN),
            Map.entry("POST /api/v1/admin/schools/{laestab}/credentials", Callers.ADMIN),
            Map.entry("POST /api/v1/admin/users/{username}/tokens", Callers.ADMIN),
            Map.entry("POST /api/v1/admin/tokens/{id}/revoke", Callers.ADMIN),
            Map.entry("POST /api/v1/admin/schools/{laestab}/enrolment-codes", Callers.ADMIN),
            Map.entry("POST /api/v1/admin/credentials/{credentialId}/revoke", Callers.ADMIN),
            Map.entry("POST /api/v1/admin/schools/{laestab}/credentials/revoke", Callers.ADMIN),
            Map.entry("POST /api/v1/jobs/nightly", Callers.ADMIN),
            Map.entry("GET /api/v1/review-queue", Callers.ADMIN),
            Map.entry("POST /api/v1/review-queue/{id}/link", Callers.ADMIN),
            Map.entry("POST /api/v1/review-queue/{id}/not-a-match", Callers.ADMIN),
            Map.entry("POST /api/v1/review-queue/{id}/new-person", Callers.ADMIN),
            Map.entry("POST /api/v1/held-records/{id}/confirm-new-person", Callers.ADMIN),
            Map.entry("POST /api/v1/schools/{laestab}/batches", Callers.OWN_SCHOOL),
            Map.entry("POST /api/v1/schools/{laestab}/reconciliations", Callers.OWN_SCHOOL),
            Map.entry("POST /api/v1/schools/{laestab}/pause", Callers.OWN_SCHOOL),
            Map.entry("POST /api/v1/schools/{laestab}/resume", Callers.OWN_SCHOOL),
            Map.entry("GET /api/v1/schools/{laestab}/pause", Callers.OWN_SCHOOL),
            Map.entry("GET /api/v1/schools/{laestab}/held-summary", Callers.OWN_SCHOOL),
            Map.entry("POST /api/v1/schools/{laestab}/held-records/{id}/answer", Callers.OWN_SCHOOL),
            Map.entry("GET /api/v1/batches/{id}", Callers.SCOPED),
            Map.entry("GET /api/v1/batches/{id}/report", Callers.SCOPED),
            Map.entry("GET /api/v1/held-records", Callers.SCOPED),
            Map.entry("GET /api/v1/alerts", Callers.SCOPED),
            Map.entry("GET /api/v1/alerts/{id}", Callers.SCOPED),
            Map.entry("POST /api/v1/alerts/{id}/assign", Callers.SCOPED),
            Map.entry("POST /api/v1/alerts/{id}/acknowledge", Callers.SCOPED),
            Map.entry("POST /api/v1/alerts/{id}/resolve", Callers.SCOPED),
            Map.entry("POST /api/v1/enrolments", Callers.ENROLMENT_CODE));

    static List<String> machineEndpoints() {
        return endpoints().stream().filter(e -> PageAccess.machine(e.sample()) && e.pattern().startsWith("/api/"))
                .flatMap(e -> e.methods().stream().map(m -> m.name() + " " + e.pattern())).toList();
    }

    @Test
    void everyMachineEndpointIsWrittenOutWithWhoMayCallIt() {
        assertThat(machineEndpoints()).as("machine endpoints, against MACHINE_API")
                .containsExactlyInAnyOrderElementsOf(MACHINE_API.keySet());
    }

    /**
     * A school's credential against every machine endpoint: refused (403) the administrator's and another school's,
     * and never shown another school's batch or case (404, as if it did not exist); anonymous callers get 401.
     */
    @TestFactory
    Stream<DynamicTest> aSchoolsCredentialReachesOnlyWhatItsSchoolMayAndAnonymousCallersNothing() {
        String own = hub.credentialFor("9262001");
        hub.credentialFor("9262002");
        return MACHINE_API.entrySet().stream().map(api -> DynamicTest.dynamicTest(api.getValue() + " " + api.getKey(),
                () -> {
                    String method = api.getKey().substring(0, api.getKey().indexOf(' '));
                    // Another school's LAESTAB wherever the path names a school; ids that do not exist elsewhere.
                    String path = api.getKey().substring(method.length() + 1).replace("{laestab}", "9262002")
                            .replaceAll("\\{[^}]+}", "999999");
                    java.net.http.HttpRequest.Builder request = hub.request(path);
                    if (method.equals("POST")) {
                        request.header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
                    } else {
                        request.GET();
                    }
                    HttpResponse<String> anonymous = hub.send(request, null);
                    HttpResponse<String> asSchool = hub.send(request, own);
                    boolean one = path.contains("999999");
                    switch (api.getValue()) {
                        case ADMIN, OWN_SCHOOL -> assertStatus(403, asSchool);
                        case SCOPED -> {
                            if (!one) {
                                assertStatus(200, asSchool, "its own school's list");
                            } else if (method.equals("GET")) {
                                assertStatus(404, asSchool, "a batch or case that is not its school's");
                            } else {
                                assertThat(asSchool.statusCode()).as(asSchool.body()).isIn(400, 403, 404);
                            }
                        }
                        case ENROLMENT_CODE -> assertThat(asSchool.statusCode()).isNotIn(200, 201);
                    }
                    if (api.getValue() != Callers.ENROLMENT_CODE) {
                        assertStatus(401, anonymous);
                    }
                }));
    }

    @Test
    void aSignedInUserCannotUseTheMachineApiWithTheirSession() throws Exception {
        HttpResponse<String> response = SIGNED_IN.get(Role.LA_ADMIN).get("/api/v1/batches/00000000-0000-0000-0000-000000000000");

        assertStatus(401, response);
    }

    @TestFactory
    Stream<DynamicTest> aSchoolPageIsShownToItsOwnDataManagerAndTheLasSchoolRolesOnly() throws Exception {
        hub.credentialFor("9262001");
        hub.credentialFor("9262002");
        return Stream.of(Role.values()).flatMap(role -> Stream.of("9262001", "9262002").map(school ->
                DynamicTest.dynamicTest(role + " /schools/" + school, () -> {
                    HttpResponse<String> response = SIGNED_IN.get(role).get("/schools/" + school);
                    if (!role.may(Capability.SCHOOL_PAGE)) {
                        assertStatus(403, response);
                    } else if (role == Role.SCHOOL_DATA_MANAGER && !school.equals("9262001")) {
                        assertStatus(404, response, "another school's page");
                    } else {
                        assertStatus(200, response);
                    }
                })));
    }

    @Test
    void aSchoolCredentialReadsOnlyItsOwnBatchReports() throws Exception {
        String own = hub.credentialFor("9262001");
        String other = hub.credentialFor("9262002");
        var upload = hub.upload("9262001", own, "matrix-report-1", "attendance", "laestab\n".getBytes());
        String report = upload.headers().firstValue("Location").orElseThrow() + "/report";

        assertStatus(404, hub.send(hub.request(report).GET(), other));
        assertStatus(401, hub.send(hub.request(report).GET(), null));
        assertStatus(409, hub.send(hub.request(report).GET(), own), "queued: no report yet");
        assertStatus(409, hub.send(hub.request(report).GET(), RunningHub.ADMIN_TOKEN));
    }

    @TestFactory
    Stream<DynamicTest> onlyTheReviewQueueCapabilityMayDecideOnThePageAndOnlyTheAdministratorTokenOnTheApi() {
        Stream<DynamicTest> pages = Stream.of(Role.values()).map(role -> DynamicTest.dynamicTest(
                role + " POST /review/{id}/link", () -> {
                    PageClient client = SIGNED_IN.get(role);
                    assertStatus(role.may(Capability.REVIEW_QUEUE) ? 404 : 403, client.post("/review/999999/link",
                            Map.of("reason", "matrix", "_csrf", client.csrf("/"))));
                }));
        Stream<DynamicTest> api = Stream.of(
                DynamicTest.dynamicTest("school credential GET /api/v1/review-queue", () -> assertStatus(403,
                        hub.send(hub.request("/api/v1/review-queue").GET(), hub.credentialFor("9262001")))),
                DynamicTest.dynamicTest("school credential POST /api/v1/review-queue/{id}/link", () -> assertStatus(403,
                        hub.send(linkUnknownItem(), hub.credentialFor("9262001")))),
                DynamicTest.dynamicTest("administrator GET /api/v1/review-queue", () -> assertStatus(200,
                        hub.send(hub.request("/api/v1/review-queue").GET(), RunningHub.ADMIN_TOKEN))),
                DynamicTest.dynamicTest("administrator POST /api/v1/review-queue/{id}/link unknown id", () ->
                        assertStatus(404, hub.send(linkUnknownItem(), RunningHub.ADMIN_TOKEN))));
        return Stream.concat(pages, api);
    }

    static java.net.http.HttpRequest.Builder linkUnknownItem() {
        return hub.request("/api/v1/review-queue/999999/link").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"));
    }

    /** The read API (docs/hub.md): the administrator's token only; a school's credential is refused, pupil or none. */
    @TestFactory
    Stream<DynamicTest> onlyTheAdministratorTokenReadsAPupilsRecords() {
        return Stream.of("/api/v1/pupils/999999", "/api/v1/pupils/999999/attendance",
                "/api/v1/pupils/999999/exclusions").flatMap(path -> Stream.of(
                DynamicTest.dynamicTest("school credential GET " + path, () -> assertStatus(403,
                        hub.send(hub.request(path).GET(), hub.credentialFor("9262001")))),
                DynamicTest.dynamicTest("anonymous GET " + path, () -> assertStatus(401,
                        hub.send(hub.request(path).GET(), null))),
                DynamicTest.dynamicTest("administrator GET " + path + " unknown pupil", () -> assertStatus(404,
                        hub.send(hub.request(path).GET(), RunningHub.ADMIN_TOKEN)))));
    }

    /** Retention and rights: only administrators hold, release and produce subject access on the pages; only the
     * administrator's token on the API. */
    @TestFactory
    Stream<DynamicTest> onlyAdministratorsHoldAndReleaseAndOnlyTheAdministratorTokenRunsRetention() {
        Stream<DynamicTest> pages = Stream.of(Role.values()).flatMap(role -> Stream.of("/retention/holds",
                "/retention/holds/999999/release", "/rights/999999/subject-access", "/rights/999999/erasure").map(path ->
                DynamicTest.dynamicTest(role + " POST " + path, () -> {
                    PageClient client = SIGNED_IN.get(role);
                    int status = client.post(path, Map.of("_csrf", client.csrf("/"), "personId", "999999",
                            "reason", "matrix", "reviewOn", "2999-01-01")).statusCode();
                    assertThat(PageAccess.ruleFor(path).orElseThrow().capability()).isEqualTo(Capability.ADMINISTER);
                    assertThat(status).isEqualTo(role.may(Capability.ADMINISTER) ? 404 : 403);
                })));
        Stream<DynamicTest> api = Stream.of(
                DynamicTest.dynamicTest("school credential GET /api/v1/retention/holds", () -> assertThat(hub.send(
                        hub.request("/api/v1/retention/holds").GET(), hub.credentialFor("9262001")).statusCode())
                        .isEqualTo(403)),
                DynamicTest.dynamicTest("school credential POST /api/v1/retention/runs", () -> assertThat(hub.send(
                        hub.request("/api/v1/retention/runs").header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")),
                        hub.credentialFor("9262001")).statusCode()).isEqualTo(403)),
                DynamicTest.dynamicTest("school credential GET /api/v1/persons/{id}/retention", () -> assertThat(
                        hub.send(hub.request("/api/v1/persons/999999/retention").GET(), hub.credentialFor("9262001"))
                                .statusCode()).isEqualTo(403)),
                DynamicTest.dynamicTest("school credential POST /api/v1/persons/{id}/subject-access", () -> assertThat(
                        hub.send(hub.request("/api/v1/persons/999999/subject-access").POST(
                                java.net.http.HttpRequest.BodyPublishers.noBody()), hub.credentialFor("9262001"))
                                .statusCode()).isEqualTo(403)),
                DynamicTest.dynamicTest("school credential POST /api/v1/persons/{id}/erasure", () -> assertThat(
                        hub.send(hub.request("/api/v1/persons/999999/erasure").header("Content-Type",
                                "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"reason\":\"x\"}")), hub.credentialFor("9262001")).statusCode()).isEqualTo(403)),
                DynamicTest.dynamicTest("administrator POST /api/v1/persons/{id}/subject-access unknown id", () ->
                        assertThat(hub.send(hub.request("/api/v1/persons/999999/subject-access").POST(
                                java.net.http.HttpRequest.BodyPublishers.noBody()), RunningHub.ADMIN_TOKEN)
                                .statusCode()).isEqualTo(404)),
                DynamicTest.dynamicTest("administrator GET /api/v1/retention/holds", () -> assertThat(hub.send(
                        hub.request("/api/v1/retention/holds").GET(), RunningHub.ADMIN_TOKEN).statusCode())
                        .isEqualTo(200)),
                DynamicTest.dynamicTest("administrator GET /api/v1/retention/runs", () -> assertThat(hub.send(
                        hub.request("/api/v1/retention/runs").GET(), RunningHub.ADMIN_TOKEN).statusCode())
                        .isEqualTo(200)),
                DynamicTest.dynamicTest("administrator POST /api/v1/retention/holds/{id}/release unknown id",
                        () -> assertThat(hub.send(hub.request("/api/v1/retention/holds/999999/release")
                                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest
                                        .BodyPublishers.ofString("{\"reason\":\"x\"}")), RunningHub.ADMIN_TOKEN)
                                .statusCode()).isEqualTo(404)));
        return Stream.concat(pages, api);
    }
}
