package org.rollbridge.core.ctf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenNeed;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Phone;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;

class SampleCtfTest {

    record Read(CtfHeader header, List<Pupil> pupils, List<PupilPosition> positions) {
    }

    static Read readSample() throws Exception {
        List<Pupil> pupils = new ArrayList<>();
        List<PupilPosition> positions = new ArrayList<>();
        try (InputStream in = SampleCtfTest.class.getResourceAsStream("/sample-ctf.xml")) {
            CtfHeader h = CtfReader.read(in, "sample-ctf.xml", (p, where) -> {
                pupils.add(p);
                positions.add(where);
            });
            return new Read(h, pupils, positions);
        }
    }

    @Test
    void readsTheHeader() throws Exception {
        CtfHeader h = readSample().header();
        assertThat(h).isEqualTo(new CtfHeader("Common Transfer File", "25.0", "2026-03-20T18:05:11", "full",
                "Example MIS", "926", "2001", "120999", "Marsh Lane Primary School", "2025", "926", "MMM"));
        assertThat(h.full()).isTrue();
    }

    @Test
    void readsBothPupilsWithTheirPositions() throws Exception {
        Read r = readSample();
        assertThat(r.pupils()).extracting(Pupil::upn).containsExactly("B801200005001", "P80120000501B");
        assertThat(r.positions()).containsExactly(new PupilPosition(1, 24, 12), new PupilPosition(2, 98, 12));
    }

    @Test
    void readsEveryFieldOfTheFirstPupil() throws Exception {
        Pupil p = readSample().pupils().get(0);
        assertThat(p.surname()).isEqualTo("Okafor");
        assertThat(p.forename()).isEqualTo("Amara");
        assertThat(p.dob().date()).contains(LocalDate.of(2016, 5, 14));
        assertThat(p.sex().code()).isEqualTo(Sex.FEMALE);
        assertThat(p.gender().present()).isFalse();
        assertThat(p.formerUpns()).containsExactly("A80120000501A");
        assertThat(p.preferredForename()).isEqualTo("Amy");
        assertThat(p.preferredSurname()).isEqualTo("Okafor");
        assertThat(p.middleNames()).isEqualTo("Grace");
        assertThat(p.ncYear().code()).isEqualTo(NcYear.Y5);
        assertThat(p.ethnicity().code()).isEqualTo(Ethnicity.BAFR);
        assertThat(p.ethnicitySource()).isEqualTo("P");
        assertThat(p.firstLanguage()).isEqualTo("ENG");
        assertThat(p.medicalFlag()).isFalse();
        assertThat(p.enrolStatus().code()).isEqualTo(EnrolStatus.C);
        assertThat(p.lookedAfter().inCare()).isFalse();
        assertThat(p.fsmHistory()).singleElement().satisfies(f -> {
            assertThat(f.start()).isEqualTo(RecordedDate.of("2024-01-08"));
            assertThat(f.end().present()).isFalse();
            assertThat(f.ukCountry()).isEqualTo("ENG");
        });
        assertThat(p.currentSenProvision().code()).isEqualTo(SenProvision.K);
        assertThat(p.senNeeds()).singleElement().satisfies(n -> {
            assertThat(n.need().code()).isEqualTo(SenNeed.SLCN);
            assertThat(n.rank()).isEqualTo(1);
        });
        assertThat(p.address()).isEqualTo(new Address(null, "14", "Cromer Road", null, "Norwich", "Norfolk",
                "Norwich", null, List.of(), "NR6 6LY", false));
        assertThat(p.contacts()).containsExactly(
                new Contact(1, "Ms", "Okafor", "Ngozi", "PAR", true, null, Address.sameAsPupil(),
                        List.of(new Phone("M", "07700 900123")), "ngozi.okafor@example.org"),
                new Contact(2, null, "Reeve", "Daniel", "OTH", false, null, null, List.of(), null));
        assertThat(p.contacts()).extracting(Contact::mayBeStored).containsExactly(true, false);
        assertThat(p.attendance()).singleElement().satisfies(y -> {
            assertThat(y.year()).isEqualTo(2025);
            assertThat(y.la()).isEqualTo("926");
            assertThat(y.estab()).isEqualTo("2001");
            assertThat(y.schoolName()).isEqualTo("Marsh Lane Primary School");
            assertThat(y.sessionsPossible()).isEqualTo(18);
            assertThat(y.sessionsAuthorised()).isEqualTo(2);
            assertThat(y.sessionsAttended()).isEqualTo(15);
            assertThat(y.sessionsUnauthorised()).isEqualTo(1);
            assertThat(y.marksStart().date()).contains(LocalDate.of(2025, 9, 1));
            assertThat(y.marks()).isEqualTo("##/\\/\\/\\II####/\\N\\/\\/\\/\\");
        });
    }

    @Test
    void theSampleMarksAgreeWithItsSummaryCounts() throws Exception {
        List<SessionMark> marks = readSample().pupils().get(0).attendance().get(0).sessionMarks();
        assertThat(marks).hasSize(24);
        assertThat(marks.get(2)).isEqualTo(new SessionMark(LocalDate.of(2025, 9, 2), Session.AM, "/"));
        long possible = marks.stream().filter(m -> m.attendanceCode().orElseThrow().possible()).count();
        long attended = marks.stream().filter(m -> m.attendanceCode().orElseThrow().attendedOrApproved()).count();
        long authorised = marks.stream().filter(m -> m.attendanceCode().orElseThrow().authorisedAbsence()).count();
        long unauthorised = marks.stream().filter(m -> m.attendanceCode().orElseThrow().unauthorisedAbsence()).count();
        assertThat(new long[] {possible, attended, authorised, unauthorised}).containsExactly(18, 15, 2, 1);
        assertThat(marks).filteredOn(m -> m.attendanceCode().orElseThrow() == AttendanceCode.N)
                .containsExactly(new SessionMark(LocalDate.of(2025, 9, 9), Session.AM, "N"));
    }

    @Test
    void readsGenderAndFreeLineAddressOfTheSecondPupil() throws Exception {
        Pupil p = readSample().pupils().get(1);
        assertThat(p.uln()).isEqualTo("9276308686");
        assertThat(p.sex().present()).isFalse();
        assertThat(p.sexOrGender().code()).isEqualTo(Sex.MALE);
        assertThat(p.address().bs7666()).isFalse();
        assertThat(p.address().lines()).containsExactly("Flat 2, 9 Ber Street", "Norwich");
        assertThat(p.address().postcode()).isEqualTo("NR1 3EU");
        assertThat(p.contacts()).isEmpty();
        assertThat(p.lookedAfter()).isNull();
    }
}
