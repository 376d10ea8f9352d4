package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.PageTables.cells;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/**
 * Secondary suppression on the dashboards: a trust of a school of 12 pupils and one of 3. The trust's 15 is shown,
 * so hiding the 3 alone would leave 15 - 12 = 3 for anyone to work out; the 12 is hidden with it.
 */
@HubTest
class DisclosureIT {

    static final String LARGE = "9262181";
    static final String SMALL = "9262182";
    static final String TRUST = "TRDISCLOSE";
    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        LocalDate monday = LocalDate.of(2025, 9, 8);
        enrol(LARGE, 12, monday, "/", "\\");
        // The small school's pupils miss every session of the week.
        enrol(SMALL, 3, monday, "N", "N");
        Organisations organisations = hub.bean(Organisations.class);
        organisations.link(LARGE, Organisation.trust(TRUST), LocalDate.of(2025, 9, 1), null);
        organisations.link(SMALL, Organisation.trust(TRUST), LocalDate.of(2025, 9, 1), null);
    }

    private static void enrol(String laestab, int pupils, LocalDate monday, String am, String pm) throws Exception {
        CtfFixture ctf = CtfFixture.full(laestab);
        AttendanceCsv marks = new AttendanceCsv();
        for (int i = 1; i <= pupils; i++) {
            String upn = CtfFixture.upn(laestab, i);
            RegisteredPerson.withUpn(upn).in(hub);
            ctf.add(upn);
            marks.days(laestab, upn, monday, 5, am, pm);
        }
        hub.school(laestab).completed("ctf-" + laestab, ctf);
        hub.school(laestab).completed("att-" + laestab, marks);
    }

    @Test
    void aLoneSmallSchoolTakesTheSmallestOtherSchoolWithItWhenTheTrustsTotalIsShown() throws Exception {
        PageClient viewer = hub.signedIn("trust-disclose", Role.TRUST_VIEWER, Organisation.trust(TRUST));

        String page = viewer.get("/trust?on=2025-09-12").body();

        // 15 pupils, 150 sessions, the small school's 30 missed: 20.0% absence, all shown.
        assertThat(page).contains("id=\"year-pupils\">15</td>").contains("id=\"year-absence\">20.0</td>");
        assertThat(cells(page, "school-" + SMALL)).containsExactly(SMALL, "c", "c", "c", "c", "0", "0");
        assertThat(cells(page, "school-" + LARGE)).containsExactly(LARGE, "c", "c", "c", "c", "0", "0");
        assertNoLoneSuppressedCell(page, "school-");
    }

    @Test
    void theLaOverviewGivesAwayNoSuppressedSchoolThroughItsTotalEither() throws Exception {
        PageClient analyst = hub.signedIn("analyst-disclose", Role.LA_ANALYST, Organisation.la("926"));
        PageClient officer = hub.signedIn("officer-disclose", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        String page = analyst.get("/la/overview?on=2025-09-12").body();

        assertThat(cells(page, "school-" + SMALL)).containsExactly(SMALL, "c", "c", "c", "c", "0", "0");
        assertNoLoneSuppressedCell(page, "school-");
        // Those who may open the pupils' records see the counts themselves.
        assertThat(cells(officer.get("/la/overview?on=2025-09-12").body(), "school-" + SMALL))
                .containsExactly(SMALL, "3", "100.0", "100.0", "100.0", "0", "0");
    }

    /** In every count column of a breakdown that adds up to a shown total, no cell is the only one shown as c. */
    static void assertNoLoneSuppressedCell(String page, String rowPrefix) {
        List<List<String>> rows = new ArrayList<>();
        Pattern.compile("id=\"(" + rowPrefix + "[^\"]+)\"").matcher(page).results()
                .forEach(m -> rows.add(cells(page, m.group(1))));
        for (int column : new int[] {1, 5, 6}) {
            long suppressed = rows.stream().filter(r -> r.get(column).equals("c")).count();
            assertThat(suppressed).as("column " + column + " of " + rows).isNotEqualTo(1L);
        }
    }
}
