package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.PupilsWithMarks;
import org.rollbridge.hub.testing.RunningHub;

/**
 * A school's own attendance dashboard over real HTTP: year-group rates and reason codes worked out from the marks,
 * the at-risk list (near the persistent absence line, or absent now), the LA's and similar schools' figures, and no
 * other school's dashboard.
 */
@HubTest
class SchoolAttendancePageIT {

    static final String SCHOOL = "9262101";
    static final String PRESENT = "/\\/\\/\\/\\/\\";
    static RunningHub hub;

    /**
     * Five weeks: Ada (year 3) ill for five sessions, 90% attendance; Ben (year 3) always present; Cal (year 4)
     * absent without leave for the last four days, 84% and a current streak.
     */
    @BeforeAll
    static void pupils() {
        PupilsWithMarks school = new PupilsWithMarks(hub, SCHOOL);
        school.add(1, "Ada", "Nearline", "3", PRESENT, "IIIII\\/\\/\\", PRESENT, PRESENT, PRESENT);
        school.add(2, "Ben", "Present", "3", PRESENT, PRESENT, PRESENT, PRESENT, PRESENT);
        school.add(3, "Cal", "Streak", "4", PRESENT, PRESENT, PRESENT, PRESENT, "/\\NNNNNNNN");
        school.tally();
    }

    @Test
    void theSchoolDataManagerReadsYearGroupsReasonsAndTheAtRiskList() throws Exception {
        PageClient manager = hub.signedIn("dash-manager", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));

        String page = manager.get("/schools/" + SCHOOL + "/attendance").body();

        assertThat(cells(page, "year-3")).containsExactly("3", "2", "100", "5.0", "0.0");
        assertThat(cells(page, "year-4")).containsExactly("4", "1", "50", "16.0", "16.0");
        assertThat(cells(page, "reason-I")).endsWith("5");
        assertThat(cells(page, "reason-N")).endsWith("8");
        String atRisk = section(page, "at-risk");
        assertThat(atRisk).contains("Cal Streak", "84.0", "4 school days since 7 Oct 2025")
                .contains("Ada Nearline", "90.0").doesNotContain("Ben Present");
        assertThat(atRisk.indexOf("Cal Streak")).isLessThan(atRisk.indexOf("Ada Nearline"));
        assertThat(section(page, "comparison")).contains("Similar schools in the LA (Primary)", "All the LA's schools",
                "England, Primary", "DfE, Pupil attendance in schools, 2025/26 year to date (published)");
        assertThat(page).contains("figures to Friday 10 October 2025");
        assertThat(hub.db().sql("select detail from audit_events where actor = 'dash-manager' and action = 'VIEW_SCHOOL'")
                .query(String.class).list()).containsExactly("attendance dashboard as of 2025-10-10");
    }

    @Test
    void anotherSchoolsDataManagerCannotSeeIt() throws Exception {
        PageClient other = hub.signedIn("dash-other", Role.SCHOOL_DATA_MANAGER, Organisation.school("9262102"));
        assertThat(other.get("/schools/" + SCHOOL + "/attendance").statusCode()).isEqualTo(404);
        assertThat(hub.signedIn("dash-trust", Role.TRUST_VIEWER).get("/schools/" + SCHOOL + "/attendance")
                .statusCode()).isEqualTo(403);
    }

    /** The text of each cell of a table row, by the row's id. */
    static java.util.List<String> cells(String html, String rowId) {
        String row = html.substring(html.indexOf("id=\"" + rowId + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        Matcher m = Pattern.compile("<t[hd][^>]*>([^<]*)</t[hd]>").matcher(row);
        java.util.List<String> cells = new java.util.ArrayList<>();
        while (m.find()) {
            cells.add(m.group(1).strip());
        }
        return cells;
    }

    static String section(String html, String id) {
        String from = html.substring(html.indexOf("id=\"" + id + "\""));
        return from.substring(0, from.indexOf("</table>"));
    }
}
