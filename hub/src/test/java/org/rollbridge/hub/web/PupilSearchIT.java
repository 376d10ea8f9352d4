package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/** Finding a pupil by name (accents and slips forgiven), date of birth, UPN and school, within the role's scope. */
@HubTest
class PupilSearchIT {

    static final String SCHOOL = "9263101";
    static final String OTHER_SCHOOL = "9263102";
    static RunningHub hub;
    static long zoe;
    static long john;

    /** A pupil on a school's roll since September 2025, as a CTF would have left them. */
    static long pupil(String school, int n, String forename, String surname, String dob, String year) {
        String upn = CtfFixture.upn(school, n);
        long id = RegisteredPerson.withUpn(upn).named(forename, surname).born(LocalDate.parse(dob)).in(hub);
        hub.db().sql("insert into schools (la, laestab, name) values ('926', ?, ?) on conflict do nothing")
                .params(school, school.equals(SCHOOL) ? "Quayside Primary" : null).update();
        hub.db().sql("""
                insert into pupils (la, person_id, laestab, upn, forename, surname, dob, sex, nc_year, record, batch_id)
                values ('926', ?, ?, ?, ?, ?, ?, 'F', ?, '{}', gen_random_uuid())""")
                .params(id, school, upn, forename, surname, LocalDate.parse(dob), year).update();
        hub.db().sql("insert into enrolments (la, person_id, laestab, from_date) values ('926', ?, ?, '2025-09-01')")
                .params(id, school).update();
        return id;
    }

    @BeforeAll
    static void pupils() {
        zoe = pupil(SCHOOL, 1, "Zoë", "Brontë", "2015-03-14", "5");
        john = pupil(OTHER_SCHOOL, 2, "John", "Smith", "2014-07-02", "6");
        pupil(OTHER_SCHOOL, 3, "Joan", "Smithers", "2012-01-30", "8");
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aMisspeltOrUnaccentedNameFindsThePupilWithDateOfBirthYearGroupAndSchoolName() throws Exception {
        PageClient officer = hub.signedIn("search-officer", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        String page = officer.get("/pupils?name=" + q("zoe bronte")).body();

        assertThat(page).contains("/pupils/" + zoe + "\"", "Zoë Brontë", "14 Mar 2015", "Year 5", "Quayside Primary");
        assertThat(officer.get("/pupils?name=" + q("Jon Smyth")).body()).contains("/pupils/" + john + "\"");
        assertThat(officer.get("/pupils?name=smith").body()).contains("John Smith", OTHER_SCHOOL);
        assertThat(officer.get("/pupils?name=" + q("Olamide Adeyemi")).body())
                .contains("No pupil you can see matches this search");
    }

    @Test
    void dateOfBirthUpnAndSchoolNarrowTheSearchAndABadDateSaysWhatIsWrong() throws Exception {
        PageClient officer = hub.signedIn("search-narrow", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        assertThat(officer.get("/pupils?name=smith&dob-day=2&dob-month=7&dob-year=2014").body())
                .contains("John Smith").doesNotContain("Joan Smithers");
        assertThat(officer.get("/pupils?name=smith&laestab=" + SCHOOL).body()).contains("No pupil you can see");
        assertThat(officer.get("/pupils?upn=" + CtfFixture.upn(SCHOOL, 1).toLowerCase()).body()).contains("Zoë Brontë");
        String bad = officer.get("/pupils?name=smith&dob-day=31&dob-month=2&dob-year=2014").body();
        assertThat(bad).contains("govuk-error-summary", "Date of birth must be a real date").doesNotContain("John Smith");
    }

    @Test
    void aSchoolUserFindsOnlyTheirOwnPupilsAndEverySearchIsAuditedWithItsTerms() throws Exception {
        PageClient school = hub.signedIn("search-school", Role.SCHOOL_DATA_MANAGER, Organisation.school(SCHOOL));

        assertThat(school.get("/pupils?name=smith").body()).contains("No pupil you can see matches this search")
                .doesNotContain("John Smith");
        assertThat(school.get("/pupils?name=zoe").body()).contains("Zoë Brontë");

        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("search-school", AuditAction.SEARCH, null, null,
                null, 10))).extracting(AuditLog.Event::detail)
                .containsExactlyInAnyOrder("pupil search name='smith' dob= upn= laestab=: 0 found",
                        "pupil search name='zoe' dob= upn= laestab=: 1 found");
    }

    @Test
    void aSchoolsCtfNamesTheSchoolAndTheSearchShowsTheName() throws Exception {
        String school = "9263103";
        String upn = CtfFixture.upn(school, 1);
        RegisteredPerson.withUpn(upn).named("Pat", "Pupil").in(hub);
        hub.school(school).completed("named-ctf", CtfFixture.full(school).add(upn));
        PageClient officer = hub.signedIn("search-named", Role.LA_ATTENDANCE_OFFICER, Organisation.la("926"));

        assertThat(hub.db().sql("select name from schools where laestab = ?").param(school).query(String.class)
                .single()).isEqualTo("Test School");
        assertThat(officer.get("/pupils?upn=" + upn).body()).contains(">Test School<");
    }
}
