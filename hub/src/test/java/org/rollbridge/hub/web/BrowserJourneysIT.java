package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.access.Totp;
import org.rollbridge.hub.access.Users;
import org.rollbridge.hub.jobs.Workers;
import org.rollbridge.hub.people.PersonIndex;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.FixedAlertDay;
import org.rollbridge.hub.testing.RunningHub;

/**
 * Each role signs in with a real headless Chromium, walks every page its home page offers and signs out; axe-core
 * checks every page against WCAG 2.2 AA. Installs Chromium and axe-core first when they are missing
 * (scripts/install-browser-test-tools.sh).
 */
class BrowserJourneysIT {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static RunningHub hub;
    static WebDriver browser;
    static String axe;

    @BeforeAll
    static void start() throws Exception {
        Path axeFile = Path.of("target", "axe-core", "axe.min.js");
        if (!new File("/usr/bin/chromium").exists() || !new File("/usr/bin/chromedriver").exists()
                || !Files.exists(axeFile)) {
            Process install = new ProcessBuilder("bash", "../scripts/install-browser-test-tools.sh").inheritIO().start();
            assertThat(install.waitFor()).as("scripts/install-browser-test-tools.sh").isZero();
        }
        axe = Files.readString(axeFile);
        hub = RunningHub.start(new Class<?>[] {FixedAlertDay.class}, RunningHub.tempDir(), "--ROLLBRIDGE_WORKERS=0");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1280,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleSignsInWalksItsPagesWithNoAccessibilityViolationsAndSignsOut(Role role) {
        Organisation org = switch (role.organisationKind()) {
            case LA -> Organisation.la("926");
            case SCHOOL -> Organisation.school("9262001");
            case TRUST -> Organisation.trust("TR1");
            case DFE -> Organisation.DFE;
        };
        Users.NewAccount account = hub.bean(Users.class).create("browser-" + role.name().toLowerCase(),
                "Sam " + role.name(), role, org);

        browser.manage().deleteAllCookies();
        browser.get(hub.base() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        assertAccessible("sign-in");
        submitSignIn(account);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Signed in as Sam " + role.name());
        assertAccessible("home");
        List<String> pages = new ArrayList<>();
        for (WebElement link : browser.findElements(By.cssSelector("main a.govuk-link"))) {
            pages.add(link.getAttribute("href"));
        }
        for (String page : pages) {
            browser.get(page);
            assertThat(browser.getTitle()).as(page).endsWith(" - Rollbridge").doesNotContain("Problem");
            assertAccessible(page);
        }

        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sign-in"));
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in?signed-out");
        assertAccessible("signed out");
    }

    /**
     * An attendance officer works a case: the alert types, the queue, the case page, a resolve refused for want of
     * a reason (the error summary), then assign to themselves, acknowledge and resolve; every page axe-clean.
     */
    @Test
    void anAttendanceOfficerWorksAnAlertCaseFromTheQueueToResolved() throws Exception {
        String school = "9267304";
        String upn = CtfFixture.upn(school, 1);
        hub.bean(PersonIndex.class).register(new PersonIndex.Person("browser-" + upn, upn, List.of(), null, "Pat",
                "Pupil", LocalDate.of(2015, 3, 14), "F", null), "register", null);
        String token = hub.credentialFor(school);
        hub.upload(school, token, "browser-ctf", "ctf", CtfFixture.full(school).add(upn).bytes());
        hub.upload(school, token, "browser-att", "attendance", new AttendanceCsv()
                .days(school, upn, LocalDate.of(2025, 11, 3), 12, "O", "O").bytes());
        hub.bean(Workers.class).drain();
        Users.NewAccount account = hub.bean(Users.class).create("browser-alerts-officer", "Sam Officer",
                Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        browser.manage().deleteAllCookies();
        browser.get(hub.base() + "/sign-in");
        submitSignIn(account);

        browser.findElement(By.linkText("Alert queues")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/alerts"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Alerts");
        assertAccessible("alert types");
        browser.findElement(By.cssSelector("#count-CONSECUTIVE_UNAUTHORISED_10 a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("kind="));
        assertAccessible("queue");
        browser.findElement(By.id("laestab")).sendKeys(school);
        browser.findElement(By.cssSelector("main form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("laestab=" + school));
        browser.findElement(By.cssSelector("#cases a.govuk-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("case-status")));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("raised");
        assertThat(browser.findElement(By.id("case-figure")).getText()).startsWith("10 ");
        assertAccessible("case");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.findElement(By.id("resolve")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.className("govuk-error-summary")))
                .getText()).contains("Give the reason");
        assertAccessible("case with an error");
        browser.findElement(By.id("assign")).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-assigned"), "browser-alerts-officer"));
        browser.findElement(By.id("acknowledge")).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "acknowledged"));
        browser.findElement(By.id("resolve-reason")).sendKeys("Family moved; referred to the CME officer");
        browser.findElement(By.id("resolve")).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "resolved"));
        assertThat(browser.findElement(By.id("case-resolution")).getText())
                .isEqualTo("Family moved; referred to the CME officer");
        assertThat(browser.findElements(By.id("resolve"))).isEmpty();
        assertAccessible("resolved case");
    }

    /** Fills in and sends the sign-in form on the current page, and waits to leave it. */
    static void submitSignIn(Users.NewAccount account) {
        browser.findElement(By.id("username")).sendKeys(account.user().username());
        browser.findElement(By.id("password")).sendKeys(account.password());
        browser.findElement(By.id("code")).sendKeys(Totp.code(account.totpSecret(), Instant.now()));
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(
                ExpectedConditions.urlContains("/sign-in")));
    }

    /** Runs axe-core in the page and fails with its findings when any WCAG 2.2 A or AA rule is violated. */
    static void assertAccessible(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object violations = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                   .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,
                        nodes: v.nodes.map(n => n.target.join(' '))})))))
                   .catch(e => done('axe failed: ' + e));""", WCAG_22_AA);
        assertThat(violations).as("WCAG 2.2 AA violations on " + page).isEqualTo("[]");
    }
}
