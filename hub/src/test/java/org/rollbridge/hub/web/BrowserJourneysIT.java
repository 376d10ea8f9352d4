package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
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
        hub = RunningHub.start(RunningHub.tempDir(), "--ROLLBRIDGE_WORKERS=0");
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

        signIn(account);

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

    /** Signs in from a fresh session with the account's password and authenticator code. */
    static void signIn(Users.NewAccount account) {
        browser.manage().deleteAllCookies();
        browser.get(hub.base() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        assertAccessible("sign-in");
        browser.findElement(By.id("username")).sendKeys(account.user().username());
        browser.findElement(By.id("password")).sendKeys(account.password());
        browser.findElement(By.id("code")).sendKeys(Totp.code(account.totpSecret(), Instant.now()));
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(
                ExpectedConditions.urlContains("/sign-in")));
    }

    @Test
    void aSchoolDataManagerFollowsTheirSchoolsFeedsToABatchReport() throws Exception {
        String school = "9269731";
        String token = hub.credentialFor(school);
        var noStatus = CtfFixture.pupil(CtfFixture.upn(school, 2), "Sam", "Nostatus", List.of()).toBuilder()
                .enrolStatus(org.rollbridge.core.code.Coded.absent()).build();
        hub.upload(school, token, "journey-ctf", "ctf", CtfFixture.full(school).add(CtfFixture.upn(school, 1))
                .add(noStatus).bytes());
        hub.upload(school, token, "journey-att", "attendance", new AttendanceCsv()
                .mark(school, CtfFixture.upn(school, 1), java.time.LocalDate.of(2025, 9, 8), "AM", "QQ").bytes());
        hub.bean(org.rollbridge.hub.jobs.Workers.class).drain();
        signIn(hub.bean(Users.class).create("browser-school-journey", "Sam Journey", Role.SCHOOL_DATA_MANAGER,
                Organisation.school(school)));

        browser.findElement(By.cssSelector("main a[href='/schools']")).click();
        assertAccessible("schools");
        browser.findElement(By.cssSelector("main a[href='/schools/" + school + "']")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("School " + school);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ATTENDANCE_CODE_UNKNOWN")
                .contains("ENROL_STATUS_CODE (EnrolStatus)").contains("Unmatched");
        assertAccessible("school");
        browser.findElement(By.cssSelector("main a[href$='/report']")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Data check report");
        assertAccessible("batch report");
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
