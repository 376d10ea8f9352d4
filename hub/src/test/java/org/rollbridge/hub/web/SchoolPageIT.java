package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.validation.Rule;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/** The school pages: what each role sees of a school's feeds, reports and held records, and what it may not. */
@HubTest
class SchoolPageIT {

    static final String SCHOOL = "9269721";
    static final String OTHER = "9269722";
    static RunningHub hub;
    static School school;

    @BeforeAll
    static void start() throws Exception {
        school = hub.school(SCHOOL);
        hub.credentialFor(OTHER);
        String known = CtfFixture.upn(SCHOOL, 1);
        RegisteredPerson.withUpn(known).in(hub);
        var noStatus = CtfFixture.pupil(CtfFixture.upn(SCHOOL, 3), "Sam", "Nostatus", List.of()).toBuilder()
                .enrolStatus(Coded.absent()).build();
        school.send("school-ctf-1", "ctf", CtfFixture.full(SCHOOL).add(known)
                .add(CtfFixture.pupil(CtfFixture.upn(SCHOOL, 2), "Ulla", "Nomatchley", List.of())).add(noStatus)
                .bytes());
        school.send("school-att-1", "attendance", new AttendanceCsv()
                .mark(SCHOOL, known, LocalDate.of(2025, 9, 8), "AM", "QQ").bytes());
    }

    @Test
    void aSchoolDataManagerSeesTheirSchoolsFeedsReportAndHeldRecordsAndNoOtherSchool() throws Exception {
        PageClient manager = hub.signedIn("school-dm", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));

        String page = manager.get("/schools/" + SCHOOL).body();

        assertThat(page).contains("Feed freshness").contains("school-att-1")
                .contains("ATTENDANCE_CODE_UNKNOWN").contains(PageText.escape(Rule.ATTENDANCE_CODE_UNKNOWN.fix()))
                .contains(CtfFixture.upn(SCHOOL, 3)).contains("ENROL_STATUS_CODE (EnrolStatus)")
                .contains(CtfFixture.upn(SCHOOL, 2)).contains("Unmatched");
        Matcher report = Pattern.compile("href=\"(/schools/" + SCHOOL + "/batches/[0-9a-f-]+/report)\"").matcher(page);
        assertThat(report.find()).isTrue();
        HttpResponse<String> html = manager.get(report.group(1));
        assertStatus(200, html);
        assertThat(html.body()).contains("Data check report").contains("Test School (926/9721)");
        assertStatus(404, manager.get("/schools/" + OTHER));
        assertStatus(404, manager.get(report.group(1).replace(SCHOOL, OTHER)));
        assertThat(manager.get("/schools").body()).contains(SCHOOL).doesNotContain(OTHER);
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("school-dm", AuditAction.VIEW_SCHOOL, null,
                null, null, 10))).hasSize(1);
    }

    @Test
    void theLatestValidationReportWordsItsBatchStatusAsATagAsTheBatchTableDoes() throws Exception {
        String page = hub.signedIn("school-dm-latest", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL))
                .get("/schools/" + SCHOOL).body();

        String heading = "Latest validation report</h2>";
        String report = page.substring(page.indexOf(heading) + heading.length());
        String batch = report.substring(0, report.indexOf("</p>"));
        assertThat(batch).contains("<strong class=\"govuk-tag govuk-tag--green\">Completed</strong>")
                .doesNotContain(", completed");
    }

    @Test
    void timesAreShownAsTheyAreInLondon() throws Exception {
        // 23:30 UTC on a summer night is already 00:30 the next day in London. A batch of this test's own, dated in
        // the past, so the other tests' newest batch stays the newest whatever order they run in.
        school.send("school-times-1", "attendance", new AttendanceCsv()
                .mark(SCHOOL, CtfFixture.upn(SCHOOL, 1), LocalDate.of(2025, 9, 9), "AM", "/").bytes());
        hub.db().sql("update batches set received_at = ? where client_batch_id = 'school-times-1'")
                .param(Timestamp.from(Instant.parse("2025-07-01T23:30:00Z"))).update();

        String page = hub.signedIn("school-dm-times", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL))
                .get("/schools/" + SCHOOL).body();

        assertThat(page).contains("2 Jul 2025 00:30").doesNotContain("1 Jul 2025 23:30");
    }

    @Test
    void laRolesSeeEveryLaSchoolsFreshnessAndOthersAreRefused() throws Exception {
        PageClient officer = hub.signedIn("school-officer", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        String list = officer.get("/schools").body();

        assertThat(list).contains(SCHOOL).contains(OTHER).contains("Up to date").contains("Overdue");
        assertStatus(200, officer.get("/schools/" + OTHER));
        assertStatus(403, hub.signedIn("school-analyst", Role.LA_ANALYST, Organisation.la("926")).get("/schools"));
        assertStatus(403, hub.signedIn("school-cme", Role.LA_CME_OFFICER, Organisation.la("926")).get("/schools/" + SCHOOL)
                );
    }

    @Test
    void feedsAreOverdueAfterTwoSchoolDays() {
        LocalDate friday = LocalDate.of(2025, 9, 12);

        assertThat(SchoolPage.schoolDaysBetween(friday, friday)).isZero();
        assertThat(SchoolPage.schoolDaysBetween(friday, friday.plusDays(3))).isEqualTo(1);
        assertThat(SchoolPage.schoolDaysBetween(friday, friday.plusDays(5))).isEqualTo(3);
    }

    /** How Thymeleaf writes text into a page. */
    static final class PageText {
        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("'", "&#39;");
        }
    }
}
