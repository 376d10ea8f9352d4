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
import java.time.LocalDate;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.attendance.AttendanceTallies;
import org.rollbridge.hub.attendance.YearMarks;
import org.rollbridge.hub.people.PersonIndex;
import org.rollbridge.hub.testing.CtfFixture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.access.Totp;
import org.rollbridge.hub.access.Users;
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
    static long calendarPupil;

    /**
     * A pupil at school 9262001 (in trust TR1) with three weeks of marks of every group, so that the dashboards
     * have a chart and the pupil page a calendar.
     */
    static long pupilWithMarks() throws Exception {
        String school = "9262001";
        String upn = CtfFixture.upn(school, 901);
        long id = hub.bean(PersonIndex.class).register(new PersonIndex.Person("browser-" + upn, upn, List.of(), null,
                "Alex", "Calendar", LocalDate.of(2015, 3, 14), "F", null), "register", null);
        JdbcClient db = hub.db();
        db.sql("insert into schools (la, laestab) values ('926', ?) on conflict do nothing").param(school).update();
        db.sql("""
                insert into pupils (la, person_id, laestab, upn, forename, surname, dob, sex, record, batch_id)
                values ('926', ?, ?, ?, 'Alex', 'Calendar', '2015-03-14', 'F', '{"lookedAfter":{"inCare":true}}',
                        gen_random_uuid())""").params(id, school, upn).update();
        db.sql("insert into enrolments (la, person_id, laestab, from_date) values ('926', ?, ?, '2025-09-01')")
                .params(id, school).update();
        char[] marks = YearMarks.empty();
        String[] week = {"/\\/\\/\\/\\/\\", "/N/NIIMVLO", "##/\\DD/\\  "};
        LocalDate monday = LocalDate.of(2025, 9, 8);
        for (int w = 0; w < week.length; w++) {
            for (int i = 0; i < week[w].length(); i++) {
                marks[YearMarks.position(monday.plusDays(7L * w + i / 2), i % 2 == 0 ? Session.AM : Session.PM)]
                        = week[w].charAt(i);
            }
        }
        db.sql("""
                insert into attendance_years (la, person_id, laestab, academic_year, marks, batch_id)
                values ('926', ?, ?, 2025, ?, gen_random_uuid())""").params(id, school, new String(marks)).update();
        hub.bean(AttendanceTallies.class).retally(school);
        hub.bean(Organisations.class).link(school, Organisation.trust("TR1"), LocalDate.of(2025, 9, 1), null);
        return id;
    }

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
        calendarPupil = pupilWithMarks();
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
        browser.findElement(By.id("username")).sendKeys(account.user().username());
        browser.findElement(By.id("password")).sendKeys(account.password());
        browser.findElement(By.id("code")).sendKeys(Totp.code(account.totpSecret(), Instant.now()));
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(
                ExpectedConditions.urlContains("/sign-in")));

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

    @Test
    void anAttendanceOfficerFindsAPupilAndReadsTheCalendarWithNoAccessibilityViolations() {
        Users.NewAccount account = hub.bean(Users.class).create("browser-calendar", "Sam Calendar",
                Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        browser.manage().deleteAllCookies();
        browser.get(hub.base() + "/sign-in");
        browser.findElement(By.id("username")).sendKeys(account.user().username());
        browser.findElement(By.id("password")).sendKeys(account.password());
        browser.findElement(By.id("code")).sendKeys(Totp.code(account.totpSecret(), Instant.now()));
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(
                ExpectedConditions.urlContains("/sign-in")));

        browser.get(hub.base() + "/pupils?upn=" + CtfFixture.upn("9262001", 901));
        browser.findElement(By.cssSelector("a[href='/pupils/" + calendarPupil + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("attendance-9262001")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Alex Calendar");
        assertThat(browser.findElement(By.id("streak-longest-9262001")).getText()).startsWith("1 school day,");
        assertThat(browser.findElements(By.cssSelector(".rb-calendar .rb-unauthorised"))).hasSize(3);
        assertThat(browser.findElement(By.id("absence-9262001")).getText()).contains("6 sessions, 3 unauthorised");
        assertAccessible("pupil calendar");
        browser.findElement(By.cssSelector("summary.govuk-details__summary")).click();
        assertThat(browser.findElement(By.id("marks-9262001")).getText()).contains("Tue 16 Sep 2025")
                .contains("N Unauthorised absence");
        assertAccessible("pupil calendar, list of marks open");
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
