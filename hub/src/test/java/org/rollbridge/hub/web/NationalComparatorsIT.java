package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.PageTables.byCaption;
import static org.rollbridge.hub.testing.PageTables.cells;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;

/**
 * With the national tier's output configured, the LA overview and the DfE view compare with England's figures
 * from that output for the date they show, and with the published 2025/26 year for a date it has none for. The
 * folder holds one morning's output, la_phase.csv as {@code ./rollbridge national aggregate} wrote it for a small
 * synthetic nation as of Friday 26 September 2025 (England: absence 8.9%, persistent absence 24.4%, where the
 * published year says 6.9% and 18.8%).
 */
@HubTest(settings = {"ROLLBRIDGE_WORKERS=0", "ROLLBRIDGE_NATIONAL_FIGURES=src/test/resources/national-figures"})
class NationalComparatorsIT {

    static RunningHub hub;

    static final String WITH_OUTPUT = "2025-09-26";
    static final String WITHOUT_OUTPUT = "2025-09-19";
    static final String NATIONAL = "England, national collection to 26 September 2025";
    static final String NATIONAL_CAPTION = NationalFigures.PUBLISHED_CAPTION + ", and England's national collection"
            + " to 26 September 2025";

    @Test
    void theLaOverviewShowsEnglandFromTheNationalTierForTheSameDate() throws Exception {
        PageClient officer = hub.signedIn("officer-national", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        String page = officer.get("/la/overview?on=" + WITH_OUTPUT).body();
        String earlier = officer.get("/la/overview?on=" + WITHOUT_OUTPUT).body();

        // Each comparator is named with its source and date: England's from the national collection to the
        // date shown, Norfolk's as published; the table's caption no longer calls England's figures published.
        assertThat(englandTotal(page, NATIONAL_CAPTION)).containsExactly(NATIONAL, "Total", "8.9", "6.3", "2.6",
                "24.4");
        assertThat(byCaption(page)).doesNotContainKey(NationalFigures.PUBLISHED_CAPTION);
        assertThat(headerCells(page)).contains(NATIONAL, "Norfolk (" + NationalFigures.PUBLISHED + ")")
                .noneMatch(h -> h.startsWith("England (") || h.contains("England (" + NationalFigures.PUBLISHED));
        // The headline: no marks in the hub, England's year from the national tier, Norfolk's as published.
        assertThat(byCaption(page).get("Attendance and absence")).contains(
                List.of("Overall absence %", "-", "-", "-", "8.9", "7.3"),
                List.of("Persistent absence %", "-", "-", "-", "24.4", "18.9"));

        assertThat(englandTotal(earlier, NationalFigures.PUBLISHED_CAPTION)).containsExactly("England", "Total",
                "6.9", "4.5", "2.4", "18.8");
        assertThat(headerCells(earlier)).contains("England (" + NationalFigures.PUBLISHED + ")")
                .noneMatch(h -> h.contains("national collection"));
    }

    @Test
    void theDfeViewComparesWithEnglandFromTheNationalTierForTheSameDate() throws Exception {
        PageClient dfe = hub.signedIn("dfe-national", Role.DFE_ANALYST, Organisation.DFE);

        List<String> line = cells(dfe.get("/national?on=" + WITH_OUTPUT).body(), "phase-All-phases");
        List<String> earlier = cells(dfe.get("/national?on=" + WITHOUT_OUTPUT).body(), "phase-All-phases");

        assertThat(line.getLast()).isEqualTo("8.9");
        assertThat(earlier.getLast()).isEqualTo("6.9");
        String page = dfe.get("/national?on=" + WITH_OUTPUT).body();
        assertThat(headerCells(page)).contains("England absence %, national collection to 26 September 2025")
                .noneMatch(h -> h.contains("published"));
        assertThat(headerCells(dfe.get("/national?on=" + WITHOUT_OUTPUT).body()))
                .contains("England absence % (" + NationalFigures.PUBLISHED + ")");
    }

    private static List<String> englandTotal(String page, String caption) {
        return byCaption(page).get(caption).stream()
                .filter(r -> r.get(0).startsWith("England") && r.get(1).equals("Total")).findFirst().orElseThrow();
    }

    /** The text of every column header on a page. */
    private static List<String> headerCells(String page) {
        return java.util.regex.Pattern.compile("<th scope=\"col\"[^>]*>(.*?)</th>", java.util.regex.Pattern.DOTALL)
                .matcher(page).results().map(m -> m.group(1).strip()).toList();
    }
}
