package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/**
 * An alert queue as a working list: each case with its pupil, year group and school; pages of 50; filters for
 * unassigned and overdue (from the kind's service level); orders; assigning ticked cases to an officer.
 */
@HubTest
class AlertQueueIT {

    static final String SCHOOL = "9263201";
    static final String QUEUE = "/alerts?kind=CONSECUTIVE_ABSENCE_10&laestab=" + SCHOOL;
    static RunningHub hub;

    /**
     * 60 pupils at Harbour Academy, each with a case of 10 or more consecutive days absent: the first 30 raised 30
     * days ago (overdue, the service level being 5 days), of which the first 5 assigned; the rest raised today.
     */
    @BeforeAll
    static void cases() {
        hub.db().sql("insert into schools (la, laestab, name) values ('926', ?, 'Harbour Academy')").param(SCHOOL)
                .update();
        for (int n = 1; n <= 60; n++) {
            pupilWithCase(hub, SCHOOL, n, n <= 30 ? 30 : 0, n <= 5 ? "queue-other" : null);
        }
    }

    /**
     * Robin Queue{n}, in year 5 (odd n) or 6, on the school's roll, with a case of 10 + n consecutive days absent
     * raised {@code daysAgo}, assigned or not; returns the case's id.
     */
    static long pupilWithCase(RunningHub hub, String school, int n, int daysAgo, String assignedTo) {
        String upn = CtfFixture.upn(school, n);
        long id = RegisteredPerson.withUpn(upn).named("Robin", "Queue" + n).in(hub);
        hub.db().sql("""
                insert into pupils (la, person_id, laestab, upn, forename, surname, dob, sex, nc_year, record,
                                    batch_id)
                values ('926', ?, ?, ?, 'Robin', ?, '2014-05-01', 'F', ?, '{}', gen_random_uuid())""")
                .params(id, school, upn, "Queue" + n, n % 2 == 0 ? "6" : "5").update();
        hub.db().sql("insert into enrolments (la, person_id, laestab, from_date) values ('926', ?, ?, '2025-09-01')")
                .params(id, school).update();
        return hub.db().sql("""
                insert into alert_cases (la, person_id, kind, laestab, status, detail, case_key, figure, figure_unit,
                                         raised_at, assigned_to)
                values ('926', ?, 'CONSECUTIVE_ABSENCE_10', ?, ?, 'absent', ?, ?, 'consecutive school days',
                        now() - ? * interval '1 day', ?) returning id""")
                .params(id, school, assignedTo == null ? "raised" : "assigned", "key-" + school + "-" + n, 10 + n,
                        daysAgo, assignedTo).query(Long.class).single();
    }

    static String caption(String page) {
        int at = page.indexOf("govuk-table__caption");
        return page.substring(page.indexOf('>', at) + 1, page.indexOf("</caption>", at));
    }

    static List<Long> caseIds(String page) {
        return java.util.regex.Pattern.compile("id=\"case-(\\d+)\"").matcher(page).results()
                .map(m -> Long.parseLong(m.group(1))).toList();
    }

    @Test
    void theQueueShowsPupilYearGroupSchoolAndDueDateAndPagesBy50() throws Exception {
        PageClient officer = hub.signedIn("queue-reader", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        String first = officer.get(QUEUE).body();
        String second = officer.get(QUEUE + "&page=2").body();

        assertThat(caption(first)).isEqualTo("60 cases, page 1 of 2");
        assertThat(caseIds(first)).hasSize(50);
        assertThat(caseIds(second)).hasSize(10).doesNotContainAnyElementsOf(caseIds(first));
        assertThat(first).contains("Robin Queue60", CtfFixture.upn(SCHOOL, 60), "Harbour Academy", ">6<")
                .contains("govuk-pagination", "aria-current=\"page\"");
        assertThat(second).contains("Robin Queue1<", "Overdue");
    }

    @Test
    void unassignedAndOverdueNarrowTheQueueAndTheFigureOrderPutsTheLongestStreakFirst() throws Exception {
        PageClient officer = hub.signedIn("queue-filter", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        String page = officer.get(QUEUE + "&unassigned=yes&overdue=yes").body();
        String byFigure = officer.get(QUEUE + "&sort=figure").body();
        String year5 = officer.get(QUEUE + "&year=5").body();

        assertThat(caption(page)).isEqualTo("25 cases, page 1 of 1");
        assertThat(page).contains("Robin Queue6<", "Robin Queue30<").doesNotContain("Robin Queue5<")
                .doesNotContain("Robin Queue31<");
        assertThat(byFigure.indexOf("Robin Queue60<")).isLessThan(byFigure.indexOf("Robin Queue59<"));
        assertThat(caption(year5)).startsWith("30 cases");
        assertStatus(400, officer.get(QUEUE + "&sort=sideways"), "an unknown order");
    }

    @Test
    void anOfficerAssignsTickedCasesToAnotherOfficerAllOrNone() throws Exception {
        hub.signedIn("queue-colleague", Role.LA_CME_OFFICER, Organisation.la("926"));
        PageClient officer = hub.signedIn("queue-worker", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));
        String queue = QUEUE + "&unassigned=yes&sort=newest";
        String page = officer.get(queue).body();
        assertThat(page).contains("<option value=\"queue-colleague\"");
        List<Long> ticked = caseIds(page).subList(0, 3);
        String ids = ticked.stream().map(String::valueOf).collect(Collectors.joining(","));

        HttpResponse<String> refused = officer.post("/alerts/assign", Map.of("case", ids,
                "assignedTo", "nobody-here", "back", queue, "_csrf", officer.csrf(queue)));
        assertStatus(302, refused, "refused, back to the queue");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith(queue);
        assertThat(officer.get(queue).body())
                .contains("is not an enabled user whose role works the alert queues");
        HttpResponse<String> done = officer.post("/alerts/assign", Map.of("case", ids,
                "assignedTo", "queue-colleague", "back", queue, "_csrf", officer.csrf(queue)));

        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith(queue);
        assertThat(officer.get(queue).body()).contains("3 cases assigned to queue-colleague");
        assertThat(hub.db().sql("select count(*) from alert_cases where assigned_to = 'queue-colleague'")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(hub.db().sql("select count(*) from alert_case_events where event = 'assigned' and case_id = any(?)")
                .param(ticked.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(3);
    }
}
