package org.rollbridge.hub.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.LookedAfter;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/**
 * Two schools' pupils across the year groups, one school's CTF naming its URN, and a week of marks with some
 * changed later: each agreement's extract holds exactly its items and cohort; opt-outs, their withdrawal, a
 * school's DfE opt-out and a parent's youth restriction that lapses at 16 change the next extract; a retry of a
 * day delivers nothing again.
 */
@HubTest
class SharingIT {

    static final String A = "9265101";
    static final String B = "9265102";
    static final String B_URN = "100456";
    static final LocalDate DAY = LocalDate.of(2025, 10, 6);
    static final LocalDate CHANGED = LocalDate.of(2025, 10, 1);
    static final LocalDate CHANGED_LONG_AGO = LocalDate.of(2025, 9, 24);
    static final String YEAR6_IN_CARE = upn(A, 1);
    static final String YEAR11 = upn(A, 2);
    static final String NURSERY = upn(A, 3);
    static final String YEAR12 = upn(A, 4);
    static final String YEAR3_B = upn(B, 6);

    static RunningHub hub;
    static String la;

    @BeforeAll
    static void twoSchools() throws Exception {
        la = hub.bean(HubProperties.class).la();
        CtfFixture ctfA = CtfFixture.full(A)
                .add(pupil(YEAR6_IN_CARE, "Ada", "Lovelace", "6", LocalDate.of(2015, 3, 14), true))
                .add(pupil(YEAR11, "Brook", "Tarn", "11", LocalDate.of(2010, 1, 10), false))
                .add(pupil(NURSERY, "Cal", "Nurse", "N2", LocalDate.of(2021, 5, 1), false))
                .add(pupil(YEAR12, "Dee", "Sixth", "12", LocalDate.of(2009, 9, 1), false));
        hub.school(A).completed("ctf-a", ctfA);
        hub.school(B).completed("ctf-b", "ctf", ctfWithUrn(pupil(YEAR3_B, "Eve", "Third", "3",
                LocalDate.of(2018, 2, 2), false)));
        AttendanceCsv first = new AttendanceCsv();
        for (String upn : List.of(YEAR6_IN_CARE, YEAR11, NURSERY, YEAR12)) {
            first.mark(A, upn, DAY, "AM", "/").mark(A, upn, DAY, "PM", "\\");
        }
        first.mark(A, YEAR11, CHANGED, "AM", "N").mark(A, YEAR11, CHANGED, "PM", "N")
                .mark(A, YEAR11, CHANGED_LONG_AGO, "AM", "N");
        hub.school(A).completed("att-1", first);
        hub.school(B).completed("att-b", new AttendanceCsv().mark(B, YEAR3_B, DAY, "AM", "I"));
        hub.school(A).completed("att-2", new AttendanceCsv().mark(A, YEAR11, CHANGED, "AM", "I")
                .mark(A, YEAR11, CHANGED, "PM", "M").mark(A, YEAR11, CHANGED_LONG_AGO, "AM", "C"));
        // When the school corrected them: two days before DAY, and twelve.
        hub.db().sql("update mark_history set changed_at = ? where day = ?")
                .params(java.time.OffsetDateTime.parse("2025-10-04T12:00:00+01:00"), CHANGED).update();
        hub.db().sql("update mark_history set changed_at = ? where day = ?")
                .params(java.time.OffsetDateTime.parse("2025-09-25T12:00:00+01:00"), CHANGED_LONG_AGO).update();
    }

    @BeforeEach
    void noOptOutsOrDeliveries() {
        hub.db().sql("delete from share_optouts").update();
        hub.db().sql("delete from school_share_optouts").update();
        hub.db().sql("delete from share_deliveries").update();
    }

    static RegisteredPerson registered(String upn, String forename, String surname, LocalDate dob) {
        return RegisteredPerson.withUpn(upn).named(forename, surname).born(dob);
    }

    static Pupil pupil(String upn, String forename, String surname, String year, LocalDate dob, boolean inCare) {
        registered(upn, forename, surname, dob).in(hub);
        Pupil.Builder b = Pupil.builder().upn(upn).forename(forename).surname(surname).dob(RecordedDate.of(dob))
                .sex(Coded.of(Sex.class, "F")).ncYear(Coded.of(NcYear.class, year))
                .enrolStatus(Coded.of(EnrolStatus.class, "C")).admissionDate(LocalDate.of(2021, 9, 1))
                .firstLanguage("ENG")
                .address(Address.lines(List.of("1 High Street", "Norwich"), "NR1 1AA"));
        if (inCare) {
            b.lookedAfter(new LookedAfter(true, "926"));
        }
        return b.build();
    }

    static byte[] ctfWithUrn(Pupil pupil) throws Exception {
        CtfHeader header = new CtfHeader("Common Transfer File", "25", "2025-10-01T18:00:00", "full", "Test MIS",
                B.substring(0, 3), B.substring(3), B_URN, "Test School B", "2025", B.substring(0, 3), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CtfWriter writer = new CtfWriter(out, header);
        writer.write(pupil);
        writer.close();
        return out.toByteArray();
    }

    static Path share(String agreement, LocalDate day) throws Exception {
        Path out = RunningHub.tempDir();
        hub.bean(ShareRun.class).share(agreement, day, out, "test");
        return out;
    }

    static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file);
    }

    /** The file's rows (after the header) by their column {@code key}. */
    static Map<String, Map<String, String>> rowsBy(Path file, String key) throws Exception {
        List<String> lines = lines(file);
        List<String> header = List.of(lines.get(0).split(",", -1));
        return lines.stream().skip(1).map(l -> List.of(l.split(",", -1)))
                .collect(Collectors.toMap(r -> r.get(header.indexOf(key)), r -> header.stream()
                        .collect(Collectors.toMap(h -> h, h -> r.get(header.indexOf(h))))));
    }

    @Test
    void theDfeDailyFileHoldsItsItemsForReceptionToYear13PerSchoolUnderItsUrn() throws Exception {
        Path day = share("dfe-daily", DAY).resolve("dfe-daily/2025-10-06");

        assertThat(Files.list(day).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder(A, B_URN); // school A's CTF names no URN: its LAESTAB stands in
        Path pupilsA = day.resolve(A).resolve("pupils.csv");
        assertThat(lines(pupilsA).get(0)).isEqualTo("urn,la_code,upn,forename,surname,gender,ethnicity,looked_after,"
                + "previously_looked_after,sen_support,ehc_plan,fsm,nc_year");
        Map<String, Map<String, String>> rows = rowsBy(pupilsA, "upn");
        assertThat(rows.keySet()).containsExactlyInAnyOrder(YEAR6_IN_CARE, YEAR11, YEAR12);
        assertThat(rows.get(YEAR6_IN_CARE)).containsEntry("urn", A).containsEntry("la_code", la)
                .containsEntry("forename", "Ada").containsEntry("surname", "Lovelace").containsEntry("gender", "F")
                .containsEntry("looked_after", "Y").containsEntry("nc_year", "6").containsEntry("fsm", "N");
        assertThat(rowsBy(day.resolve(B_URN).resolve("pupils.csv"), "upn").get(YEAR3_B)).containsEntry("urn", B_URN);
    }

    @Test
    void sessionsHoldEveryMarkOfTheDayAndMarksChangedWithinTheLastSevenDays() throws Exception {
        Path sessions = share("dfe-daily", DAY).resolve("dfe-daily/2025-10-06").resolve(A).resolve("sessions.csv");

        List<String> lines = lines(sessions);
        assertThat(lines.get(0)).isEqualTo("urn,upn,date,session,code");
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder(
                A + "," + YEAR6_IN_CARE + ",2025-10-06,AM,/", A + "," + YEAR6_IN_CARE + ",2025-10-06,PM,\\",
                A + "," + YEAR11 + ",2025-10-06,AM,/", A + "," + YEAR11 + ",2025-10-06,PM,\\",
                A + "," + YEAR12 + ",2025-10-06,AM,/", A + "," + YEAR12 + ",2025-10-06,PM,\\",
                A + "," + YEAR11 + ",2025-10-01,AM,I", A + "," + YEAR11 + ",2025-10-01,PM,M");
    }

    @Test
    void eachOtherAgreementHoldsExactlyItsItemsAndCohort() throws Exception {
        Path youth = share("youth-support", DAY).resolve("youth-support/2025-10-06/youth-support.csv");
        assertThat(lines(youth).get(0)).isEqualTo(
                "upn,forename,surname,dob,address,postcode,school,nc_year,sen_support,ehc_plan,looked_after");
        assertThat(rowsBy(youth, "upn").keySet()).containsExactlyInAnyOrder(YEAR11, YEAR12); // 13 or over

        Path post16 = share("post-16", DAY).resolve("post-16/2025-10-06/post-16.csv");
        assertThat(lines(post16).get(0)).isEqualTo(
                "upn,forename,surname,dob,school,fsm,sen_support,ehc_plan,first_language,eal,exclusions");
        assertThat(rowsBy(post16, "upn").keySet()).containsExactly(YEAR11);
        assertThat(rowsBy(post16, "upn").get(YEAR11)).containsEntry("first_language", "ENG").containsEntry("eal", "N")
                .containsEntry("exclusions", "0");

        Path sureStart = share("sure-start", DAY).resolve("sure-start/2025-10-06/sure-start.csv");
        assertThat(lines(sureStart).get(0)).isEqualTo("upn,forename,surname,dob,school,nc_year,eyfs");
        assertThat(rowsBy(sureStart, "upn").keySet()).containsExactlyInAnyOrder(YEAR6_IN_CARE, YEAR3_B);
    }

    @Test
    void aFullOptOutRemovesThePupilFromTheNextExtractAndItsWithdrawalRestoresThem() throws Exception {
        OptOutStore register = hub.bean(OptOutStore.class);
        register.record(YEAR11, "post-16", "none", "parent", DAY, "letter of 2 October", "officer-1");

        assertThat(rowsBy(share("post-16", DAY).resolve("post-16/2025-10-06/post-16.csv"), "upn")).isEmpty();
        register.withdraw(YEAR11, "post-16", DAY.plusDays(1), "officer-1");
        assertThat(rowsBy(share("post-16", DAY.plusDays(1)).resolve("post-16/2025-10-07/post-16.csv"), "upn"))
                .containsOnlyKeys(YEAR11);
        assertThat(hub.db().sql("select action from audit_events where subject = ? and actor = 'officer-1' and reason like 'opt-out from post-16%' order by id")
                .param(YEAR11)
                .query(String.class).list()).containsExactly("SHARING_OPT_OUT", "SHARING_OPT_OUT_WITHDRAWN");
    }

    @Test
    void aSchoolsDfeOptOutEmptiesItsFileFromTheNextDayUntilItOptsBackIn() throws Exception {
        OptOutStore register = hub.bean(OptOutStore.class);
        register.schoolOptOut(A, "dfe-daily", DAY.plusDays(1), "data-manager-a");

        assertThat(share("dfe-daily", DAY).resolve("dfe-daily/2025-10-06").resolve(A)).isDirectory();
        Path nextDay = share("dfe-daily", DAY.plusDays(1)).resolve("dfe-daily/2025-10-07");
        assertThat(nextDay.resolve(A)).doesNotExist();
        assertThat(nextDay.resolve(B_URN)).isDirectory();
        register.schoolOptIn(A, "dfe-daily", DAY.plusDays(2), "data-manager-a");
        assertThat(share("dfe-daily", DAY.plusDays(2)).resolve("dfe-daily/2025-10-08").resolve(A)).isDirectory();
    }

    @Test
    void aParentsYouthRestrictionNarrowsTheItemsAndLapsesToThePupilAt16() throws Exception {
        hub.bean(OptOutStore.class).record(YEAR11, "youth-support", "name-address-dob", "parent", DAY, null,
                "officer-1");

        Map<String, String> restricted = rowsBy(share("youth-support", DAY)
                .resolve("youth-support/2025-10-06/youth-support.csv"), "forename").get("Brook");
        assertThat(restricted).containsEntry("surname", "Tarn").containsEntry("dob", "2010-01-10")
                .containsEntry("postcode", "NR1 1AA").containsEntry("upn", "").containsEntry("school", "")
                .containsEntry("nc_year", "");
        LocalDate sixteenth = LocalDate.of(2026, 1, 10);
        Map<String, String> after = rowsBy(share("youth-support", sixteenth)
                .resolve("youth-support/2026-01-10/youth-support.csv"), "forename").get("Brook");
        assertThat(after).containsEntry("upn", YEAR11).containsEntry("school", A).containsEntry("nc_year", "11");
    }

    @Test
    void anOptOutTheAgreementDoesNotAllowIsRefused() {
        OptOutStore register = hub.bean(OptOutStore.class);
        assertThatThrownBy(() -> register.record(YEAR6_IN_CARE, "sure-start", "none", "school", DAY, null, "x"))
                .isInstanceOf(Refusal.Invalid.class).hasMessageContaining("may not ask");
        assertThatThrownBy(() -> register.record(YEAR11, "post-16", "name-address-dob", "pupil", DAY, null, "x"))
                .isInstanceOf(Refusal.Invalid.class).hasMessageContaining("allows opt-outs [none]");
        assertThatThrownBy(() -> register.schoolOptOut(A, "post-16", DAY, "x")).isInstanceOf(Refusal.Invalid.class);
    }

    @Test
    void aRetryOfTheSameDayDeliversNothingAgain() throws Exception {
        ShareRun run = hub.bean(ShareRun.class);
        Path out = RunningHub.tempDir();
        ShareReport first = run.share("dfe-daily", DAY, out, "test");
        Path pupils = out.resolve("dfe-daily/2025-10-06").resolve(A).resolve("pupils.csv");
        Files.delete(pupils); // picked up by the recipient

        ShareReport retry = run.share("dfe-daily", DAY, out, "test");

        assertThat(first.files()).hasSize(4).noneMatch(ShareReport.File::alreadyDelivered);
        assertThat(retry.files()).hasSize(4).allMatch(ShareReport.File::alreadyDelivered);
        assertThat(pupils).doesNotExist();
        assertThat(hub.db().sql("select count(*) from share_deliveries").query(Integer.class).single()).isEqualTo(4);
        assertThat(hub.db().sql("select row_count from share_deliveries where file like ?")
                .param("%/" + A + "/pupils.csv").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void thePublicTransparencyPageShowsEveryAgreementAsConfigured() throws Exception {
        java.net.http.HttpResponse<String> page = new PageClient(hub.base()).get("/sharing");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = org.springframework.web.util.HtmlUtils.htmlUnescape(page.body());
        List<Agreement> agreements = hub.bean(Agreements.class).all();
        assertThat(agreements).extracting(Agreement::name)
                .containsExactly("dfe-daily", "youth-support", "post-16", "sure-start");
        for (Agreement a : agreements) {
            String card = html.substring(html.indexOf("id=\"" + a.name() + "\""));
            card = card.substring(0, card.indexOf("</dl>"));
            assertThat(card).contains(a.recipient(), field("purpose", a.purpose()),
                    field("lawful-basis", a.lawfulBasis()), field("cohort", a.cohortText()),
                    field("items", String.join(", ", a.items().stream().map(SharedItem::column).toList())),
                    field("frequency", a.frequency()), field("retention", a.retention().toString()),
                    field("opt-out", a.optOutText()));
        }
    }

    static String field(String name, String value) {
        return "data-field=\"" + name + "\">" + value + "</dd>";
    }

    @Test
    void optOutsLoadFromAFileEachCheckedAndASecondLoadChangesNothing() throws Exception {
        Path file = RunningHub.tempDir().resolve("optouts.csv");
        Files.writeString(file, "upn,agreement,restriction,requested_by,date\n"
                + YEAR11 + ",post-16,none,pupil,2025-10-01\n"
                + YEAR6_IN_CARE + ",sure-start,none,school,2025-10-01\n"
                + YEAR12 + ",no-such-agreement,none,parent,2025-10-01\n");
        OptOutImport imports = hub.bean(OptOutImport.class);

        OptOutImport.Result first = imports.load(file);
        OptOutImport.Result again = imports.load(file);

        assertThat(first.read()).isEqualTo(3);
        assertThat(first.recorded()).isEqualTo(1);
        assertThat(first.problems()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("optouts.csv line 3:")
                .contains("may not ask")).anySatisfy(p -> assertThat(p).startsWith("optouts.csv line 4:")
                .contains("no sharing agreement 'no-such-agreement'"));
        assertThat(again.recorded()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(rowsBy(share("post-16", DAY).resolve("post-16/2025-10-06/post-16.csv"), "upn")).isEmpty();
    }
}
