package org.rollbridge.hub.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.ExportFiles;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/**
 * The LA analyst's pseudonymised planning export: no direct identifier anywhere in the file, a pseudonym that is
 * the same for one purpose every time and different under another purpose, and a password as every export has.
 */
@HubTest(settings = "ROLLBRIDGE_PSEUDONYM_KEY=a-test-master-key-of-well-over-thirty-two-characters")
class PlanningExportIT {

    static final String SCHOOL = "9262251";
    static final String ON = "2025-10-24";
    static RunningHub hub;
    static final List<Long> PERSONS = new ArrayList<>();
    static final List<String> UPNS = new ArrayList<>();

    /** Three pupils of a school with half a term of marks, one of them persistently absent. */
    @BeforeAll
    static void threePupilsWithMarks() throws Exception {
        CtfFixture ctf = CtfFixture.full(SCHOOL);
        AttendanceCsv marks = new AttendanceCsv();
        for (int i = 1; i <= 3; i++) {
            String upn = CtfFixture.upn(SCHOOL, i);
            UPNS.add(upn);
            PERSONS.add(RegisteredPerson.withUpn(upn).named("Zebedee", "Quixotic").in(hub));
            ctf.add(CtfFixture.pupil(upn, "Zebedee", "Quixotic", List.of()));
            marks.days(SCHOOL, upn, LocalDate.of(2025, 9, 8), 26, "/", "\\")
                    .days(SCHOOL, upn, LocalDate.of(2025, 10, 6), 5, i == 1 ? "O" : "/", i == 1 ? "O" : "\\");
        }
        hub.school(SCHOOL).completed("ctf-planning", ctf);
        hub.school(SCHOOL).completed("att-planning", marks);
    }

    static ExportFiles.Made export(PageClient analyst, String purpose) throws Exception {
        return ExportFiles.make(analyst, "/planning/exports", Map.of("purpose", purpose, "on", ON),
                "/planning/exports");
    }

    @Test
    void aPlanningExportHoldsNoDirectIdentifierAndItsPupilsMeasures() throws Exception {
        PageClient analyst = hub.signedIn("planning-analyst", Role.LA_ANALYST, Organisation.la("926"));

        ExportFiles.Made made = export(analyst, "school-places");

        assertThat(made.rows().get(0)).containsExactly("Rollbridge pseudonymised planning export",
                "Planning purpose school-places: academic year to " + ON);
        assertThat(made.preamble("Exported by")).isEqualTo("planning-analyst (LA_ANALYST)");
        assertThat(made.preamble("Purpose")).startsWith("school-places (");
        List<List<String>> lines = made.lines(PlanningExports.COLUMNS);
        assertThat(lines).hasSize(3);
        // Nothing in the file names a pupil: no name, UPN, date of birth, postcode or the hub's person id.
        List<String> everyCell = made.rows().stream().flatMap(List::stream).toList();
        for (String cell : everyCell) {
            assertThat(cell).doesNotContain("Zebedee", "Quixotic", "2015-03-14", "14/03/2015", "NR1 1AA", "NR11AA");
            assertThat(UPNS).noneMatch(cell::contains);
            assertThat(PERSONS.stream().map(String::valueOf)).doesNotContain(cell);
        }
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get(0)).matches("[0-9a-f]{32}");
            assertThat(l.get(1)).isEqualTo("2015-03");
            assertThat(l.get(2)).isEqualTo("NR1");
            assertThat(l.get(3)).isEqualTo(SCHOOL);
            assertThat(l.get(4)).isEqualTo("6");
        });
        // 25 school days, 50 sessions; one pupil missed the last week's 10 sessions: 20%, persistently absent.
        assertThat(lines).extracting(l -> l.get(5)).containsOnly("50");
        assertThat(lines).filteredOn(l -> l.get(10).equals("Yes")).hasSize(1)
                .allSatisfy(l -> assertThat(l.subList(6, 10)).containsExactly("10", "0", "10", "80.0"));
        // Audited like every export, with the file's hash.
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("planning-analyst", AuditAction.EXPORT,
                "export:" + made.sha256(), null, null, 10))).hasSize(1);
    }

    @Test
    void onePurposeGivesAPupilTheSamePseudonymEveryTimeAndAnotherPurposeAnotherOne() throws Exception {
        PageClient analyst = hub.signedIn("planning-pseudonyms", Role.LA_ANALYST, Organisation.la("926"));

        List<String> places = pseudonyms(export(analyst, "school-places"));
        List<String> placesAgain = pseudonyms(export(analyst, "school-places"));
        List<String> transport = pseudonyms(export(analyst, "home-to-school-transport"));

        assertThat(places).hasSize(3).doesNotHaveDuplicates().isEqualTo(placesAgain);
        assertThat(transport).hasSize(3).doesNotHaveDuplicates().doesNotContainAnyElementsOf(places);
    }

    @Test
    void aPurposeTheLaHasNotListedIsRefused() throws Exception {
        PageClient analyst = hub.signedIn("planning-unlisted", Role.LA_ANALYST, Organisation.la("926"));
        String form = analyst.get("/planning/exports").body();

        assertThat(form).contains("id=\"purpose-school-places\"").doesNotContain("id=\"not-set-up\"");
        assertStatus(400, analyst.post("/planning/exports", Map.of("purpose", "marketing",
                "_csrf", analyst.csrf("/planning/exports"))));
    }

    /** The pseudonyms of a file, in the order of its lines (by school, then person). */
    static List<String> pseudonyms(ExportFiles.Made made) {
        return made.lines(PlanningExports.COLUMNS).stream().map(l -> l.get(0)).toList();
    }
}
