package org.rollbridge.hub.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;
import static org.rollbridge.hub.testing.PageTables.cells;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.alerts.AlertFollowUp;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.ExportFiles;
import org.rollbridge.hub.testing.FixedAlertDay;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/**
 * The LA administrator's pupil-level exports (an alert queue, a cohort of the LA overview, a school's held records,
 * a search's result): each opened with its password and not without, its rows those of the page it came from,
 * audited with its pupils and hash and never its password; every other role is refused every export URL.
 */
@HubTest(beans = FixedAlertDay.class)
class PupilExportIT {

    static final String SCHOOL = "9262191";
    static final String QUEUE = "kind=CONSECUTIVE_ABSENCE_10&status=open&laestab=" + SCHOOL;
    static final String ON = "2025-10-24";
    static final String HELD_UPN = CtfFixture.upn(SCHOOL, 9);
    /** Every pupil-level export URL, with the form each posts. */
    static final Map<String, Map<String, String>> EXPORTS = Map.of(
            "/exports/alerts", Map.of("kind", "CONSECUTIVE_ABSENCE_10", "status", "open", "laestab", SCHOOL),
            "/exports/cohort", Map.of("cohort", "SOCIAL_WORKER", "on", ON),
            "/exports/held", Map.of("laestab", SCHOOL),
            "/exports/search", Map.of("upn", CtfFixture.upn(SCHOOL, 1)));
    static RunningHub hub;
    static long withSocialWorker;

    /**
     * Two pupils in school a week, then absent without permission for ten school days; one of them has a social
     * worker; a third pupil of the school's CTF is unknown to the LA, so the school's record of them is held.
     */
    @BeforeAll
    static void twoPupilsAbsentForTenSchoolDaysAndOneHeld() throws Exception {
        CtfFixture ctf = CtfFixture.full(SCHOOL);
        AttendanceCsv marks = new AttendanceCsv();
        for (int i = 1; i <= 2; i++) {
            String upn = CtfFixture.upn(SCHOOL, i);
            long person = RegisteredPerson.withUpn(upn).named("Pat", "Pupil").in(hub);
            if (i == 1) {
                withSocialWorker = person;
            }
            ctf.add(upn);
            marks.days(SCHOOL, upn, LocalDate.of(2025, 9, 29), 7, "/", "\\")
                    .days(SCHOOL, upn, LocalDate.of(2025, 10, 6), 12, "O", "O");
        }
        ctf.add(CtfFixture.pupil(HELD_UPN, "Held", "Unknownson", List.of()));
        hub.school(SCHOOL).completed("ctf-export", ctf);
        hub.school(SCHOOL).completed("att-export", marks);
        hub.db().sql("""
                insert into social_care_cases (la, person_id, social_worker, looked_after, child_protection,
                    start_date) values ('926', ?, true, false, false, '2025-09-01')""")
                .param(withSocialWorker).update();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (hub.db().sql("select count(*) from jobs where kind = ? and status = 'queued'")
                .param(AlertFollowUp.KIND).query(Long.class).single() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    static PageClient admin(String name) throws Exception {
        return hub.signedIn(name, Role.LA_ADMIN, Organisation.la("926"));
    }

    @Test
    void anAlertQueueExportOpensWithItsPasswordOnlyAndHoldsTheQueuesRows() throws Exception {
        PageClient admin = admin("export-admin");
        String queue = admin.get("/alerts?" + QUEUE).body();
        List<String> shownCases = Pattern.compile("id=\"case-(\\d+)\"").matcher(queue).results()
                .map(m -> m.group(1)).toList();
        assertThat(shownCases).hasSize(2);
        // A pupil-level page prints a notice instead of its data; the administrator is offered the export.
        assertThat(queue).contains("id=\"print-notice\"").contains("rollbridge-no-print").contains("id=\"export-queue\"");

        ExportFiles.Made made = ExportFiles.make(admin, "/exports/alerts", Map.of("kind", "CONSECUTIVE_ABSENCE_10",
                "status", "open", "laestab", SCHOOL, "purpose", "=HYPERLINK(\"x\") attendance panel, 3 November"),
                "/exports/alerts?" + QUEUE);

        assertThat(made.rows().get(0)).containsExactly("Rollbridge pupil-level export",
                "Alert queue CONSECUTIVE_ABSENCE_10 (open, school " + SCHOOL + ")");
        assertThat(made.preamble("Exported by")).isEqualTo("export-admin (LA_ADMIN)");
        assertThat(made.preamble("Purpose")).isEqualTo("=HYPERLINK(\"x\") attendance panel, 3 November");
        assertThat(made.preamble("Agreement")).isEqualTo(PupilExports.AGREEMENT);
        assertThat(made.preamble("Exported at")).isNotBlank();
        List<List<String>> lines = made.lines(List.of("Case", "Person", "School (LAESTAB)", "Status", "Figure",
                "Latest evidence", "Due", "Assigned to"));
        assertThat(lines).extracting(r -> r.get(0)).containsExactlyElementsOf(shownCases);
        assertThat(lines).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(SCHOOL));
        assertAudited("export-admin", made, "person:" + withSocialWorker);
    }

    /** The export of a filtered queue holds the cases the filtered page lists, and says how it was filtered. */
    @Test
    void anAlertQueueExportKeepsTheQueuesFilters() throws Exception {
        PageClient admin = admin("export-filtered");
        List<String> cases = Pattern.compile("id=\"case-(\\d+)\"").matcher(admin.get("/alerts?" + QUEUE).body())
                .results().map(m -> m.group(1)).toList();
        assertThat(cases).hasSize(2);
        long taken = Long.parseLong(cases.get(0));
        hub.db().sql("update alert_cases set assigned_to = 'someone.else' where id = ?").param(taken).update();
        try {
            String filtered = admin.get("/alerts?" + QUEUE + "&unassigned=yes").body();
            assertThat(filtered).contains("id=\"export-queue\" href=\"/exports/alerts?kind=CONSECUTIVE_ABSENCE_10"
                    + "&amp;status=open&amp;laestab=" + SCHOOL + "&amp;unassigned=yes\"");

            ExportFiles.Made made = ExportFiles.make(admin, "/exports/alerts", Map.of("kind",
                    "CONSECUTIVE_ABSENCE_10", "status", "open", "laestab", SCHOOL, "unassigned", "yes", "purpose",
                    "attendance panel"), "/exports/alerts?" + QUEUE + "&unassigned=yes");

            assertThat(made.rows().get(0)).containsExactly("Rollbridge pupil-level export",
                    "Alert queue CONSECUTIVE_ABSENCE_10 (open, school " + SCHOOL + ", unassigned)");
            assertThat(made.lines(List.of("Case", "Person", "School (LAESTAB)", "Status", "Figure",
                    "Latest evidence", "Due", "Assigned to"))).extracting(r -> r.get(0)).containsExactly(cases.get(1));
        } finally {
            hub.db().sql("update alert_cases set assigned_to = null where id = ?").param(taken).update();
        }
    }

    @Test
    void aCohortExportHoldsThePupilsTheLaOverviewCountsInIt() throws Exception {
        PageClient admin = admin("export-cohort");
        String overview = admin.get("/la/overview?on=" + ON).body();
        // The administrator sees the exact figures: 1 pupil with a social worker, persistently absent.
        List<String> cohort = cells(overview, "cohort-SOCIAL_WORKER");
        assertThat(cohort.get(1)).isEqualTo("1");
        assertThat(overview).contains("id=\"export-cohort-SOCIAL_WORKER\"");

        ExportFiles.Made made = ExportFiles.make(admin, "/exports/cohort", Map.of("cohort", "SOCIAL_WORKER",
                "on", ON, "purpose", "Social care attendance review"), "/exports/cohort?cohort=SOCIAL_WORKER&on=" + ON);

        List<List<String>> lines = made.lines(List.of("Person", "UPN", "Surname", "Forename", "Date of birth",
                "School (LAESTAB)", "NC year", "Possible sessions", "Absence sessions",
                "Unauthorised absence sessions", "Attendance %", "Persistently absent", "Severely absent",
                "Suspensions", "Permanent exclusions"));
        assertThat(lines).hasSize(Integer.parseInt(cohort.get(1)));
        assertThat(lines.get(0).subList(0, 7)).containsExactly(String.valueOf(withSocialWorker),
                CtfFixture.upn(SCHOOL, 1), "Pupil", "Pat", "2015-03-14", SCHOOL, "6");
        // As counted on the page: persistent and severe absence, pupil by pupil.
        assertThat(lines.stream().filter(l -> l.get(11).equals("Yes")).count())
                .isEqualTo(Long.parseLong(cohort.get(5)));
        assertThat(lines.stream().filter(l -> l.get(12).equals("Yes")).count())
                .isEqualTo(Long.parseLong(cohort.get(6)));
        assertThat(made.rows().get(0).get(1)).isEqualTo("Cohort Children with a social worker, academic year to " + ON);
        assertAudited("export-cohort", made, "person:" + withSocialWorker);
    }

    @Test
    void aHeldRecordsExportHoldsTheRecordsTheSchoolPageLists() throws Exception {
        PageClient admin = admin("export-held");
        String school = admin.get("/schools/" + SCHOOL).body();
        assertThat(school).contains(HELD_UPN).contains("id=\"export-held\"");
        long shown = Pattern.compile("<td class=\"govuk-table__cell\">" + HELD_UPN + "</td>").matcher(school)
                .results().count();

        ExportFiles.Made made = ExportFiles.make(admin, "/exports/held", Map.of("laestab", SCHOOL,
                "purpose", "Chasing the school's unmatched records"), "/exports/held?laestab=" + SCHOOL);

        List<List<String>> lines = made.lines(List.of("Held record", "Feed", "Where", "Reason", "Rule", "Field",
                "UPN", "Detail", "Held since"));
        assertThat(lines).isNotEmpty().hasSize((int) shown);
        assertThat(lines).allSatisfy(l -> assertThat(l.get(6)).isEqualTo(HELD_UPN));
        assertThat(lines).allSatisfy(l -> assertThat(l.get(3)).isEqualTo("UNMATCHED"));
        assertAudited("export-held", made, "held-record:" + lines.get(0).get(0));
        // A school outside the LA's is not there to export.
        assertStatus(404, admin.post("/exports/held", Map.of("laestab", "9999999", "purpose", "x",
                "_csrf", admin.csrf("/exports/held"))));
    }

    @Test
    void aSearchExportHoldsThePupilsTheSearchFinds() throws Exception {
        PageClient admin = admin("export-search");
        String upn = CtfFixture.upn(SCHOOL, 1);
        String results = admin.get("/pupils?upn=" + upn).body();
        List<String> found = Pattern.compile("href=\"/pupils/(\\d+)\"").matcher(results).results()
                .map(m -> m.group(1)).toList();
        assertThat(found).containsExactly(String.valueOf(withSocialWorker));
        assertThat(results).contains("id=\"export-search\"");

        ExportFiles.Made made = ExportFiles.make(admin, "/exports/search", Map.of("upn", upn.toLowerCase(),
                "purpose", "Letter to the family"), "/exports/search?upn=" + upn);

        List<List<String>> lines = made.lines(List.of("Person", "UPN", "Surname", "Forename", "Date of birth", "Sex",
                "NC year", "Postcode", "School (LAESTAB)"));
        assertThat(lines).extracting(l -> l.get(0)).containsExactlyElementsOf(found);
        assertThat(lines.get(0)).containsExactly(String.valueOf(withSocialWorker), upn, "Pupil", "Pat", "2015-03-14",
                "F", "6", "NR1 1AA", SCHOOL);
        assertAudited("export-search", made, "person:" + withSocialWorker);
    }

    @Test
    void anExportIsForAPurposeAndItsFileForTheUserWhoMadeItOnly() throws Exception {
        PageClient admin = admin("export-purpose");
        PageClient other = admin("export-other");

        assertStatus(400, admin.post("/exports/search", Map.of("upn", CtfFixture.upn(SCHOOL, 1), "purpose", " ",
                "_csrf", admin.csrf("/exports/search"))));
        String made = admin.post("/exports/search", Map.of("upn", CtfFixture.upn(SCHOOL, 1), "purpose",
                "Letter", "_csrf", admin.csrf("/exports/search"))).body();
        String link = ExportFiles.group(made, "id=\"export-file\" href=\"([^\"]+)\"");

        assertStatus(404, other.download(link));
        assertStatus(200, admin.download(link));
    }

    @Test
    void everyOtherRoleIsRefusedEveryPupilLevelExportUrl() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.LA_ADMIN) {
                continue;
            }
            PageClient other = hub.signedIn("export-" + role.name().toLowerCase(), role);
            String csrf = other.csrf("/");
            for (Map.Entry<String, Map<String, String>> export : EXPORTS.entrySet()) {
                assertStatus(403, other.get(export.getKey()), role + " GET " + export.getKey());
                Map<String, String> form = new java.util.HashMap<>(export.getValue());
                form.put("purpose", "curiosity");
                form.put("_csrf", csrf);
                assertStatus(403, other.post(export.getKey(), form), role + " POST " + export.getKey());
            }
            assertStatus(403, other.get("/exports/files/0123"));
        }
    }

    @Test
    void withoutAMasterKeyThePlanningExportSaysItIsNotSetUp() throws Exception {
        PageClient analyst = hub.signedIn("export-analyst", Role.LA_ANALYST, Organisation.la("926"));

        assertThat(analyst.get("/planning/exports").body()).contains("id=\"not-set-up\"");
        assertStatus(409, analyst.post("/planning/exports", Map.of("purpose", "school-places",
                "_csrf", analyst.csrf("/"))));
    }

    /** Audited with the file's hash and its pupils, never the password. */
    static void assertAudited(String user, ExportFiles.Made made, String pupil) {
        List<AuditLog.Event> audited = hub.bean(AuditLog.class).search(new AuditLog.Query(user,
                AuditAction.EXPORT, "export:" + made.sha256(), null, null, 10));
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).toString()).doesNotContain(made.password()).contains(pupil);
    }
}
