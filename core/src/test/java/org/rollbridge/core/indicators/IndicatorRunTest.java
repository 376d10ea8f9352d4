package org.rollbridge.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.CtfMarks;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.indicators.alerts.AlertRules;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.testing.Seed;
import org.rollbridge.core.testing.SeededCases;

class IndicatorRunTest {

    static final LocalDate MON = LocalDate.of(2025, 9, 1);
    static final Period YEAR = Period.academicYearContaining(MON);

    static Pupil ctfPupil(String upn, String la, String estab, String marks) {
        return Pupil.builder().upn(upn).attendance(List.of(new AttendanceYear(2025, la, estab, null, null, null,
                null, null, RecordedDate.of(MON), marks))).build();
    }

    static PupilReport only(List<PupilReport> reports, String upn) {
        return reports.stream().filter(r -> r.key().upn().equals(upn)).findFirst().orElseThrow();
    }

    @Test
    void theSessionFeedCorrectsTheCtfAndMarksMayComeInAnyOrder() {
        IndicatorRun run = new IndicatorRun();
        run.addPupil("9262001", ctfPupil("A1", "926", "2001", "NNNN"));      // Mon and Tue absent
        run.addMark("9262001", "A1", new SessionMark(MON.plusDays(1), Session.PM, "/"));
        run.addMark("9262001", "A1", new SessionMark(MON, Session.AM, "L"));
        PupilAttendance a = only(run.run(YEAR, MON.plusDays(1), AlertRules.defaults()), "A1").attendance();
        assertThat(a.possibleSessions()).isEqualTo(4);
        assertThat(a.attendedSessions()).isEqualTo(2);
        assertThat(a.lateBeforeClose()).isEqualTo(1);
        assertThat(a.longestAbsenceStreak().days()).isZero();
    }

    @Test
    void aPupilIsTheSameWhateverWayTheFilesWriteTheUpnAndLaestab() {
        IndicatorRun run = new IndicatorRun();
        run.addPupil("9262001", ctfPupil("B801200005001", "926", "2001", "NN"));
        run.addMark("926/2001", " b801200005001 ", new SessionMark(MON.plusDays(1), Session.AM, "N"));
        List<PupilReport> reports = run.run(YEAR, MON.plusDays(1), AlertRules.defaults());
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(new PupilKey("B801200005001", "9262001"));
            assertThat(r.attendance().possibleSessions()).isEqualTo(3);
        });
    }

    @Test
    void theSchoolsCalendarComesFromAllItsPupilsMarks() {
        IndicatorRun run = new IndicatorRun();
        // B1 has marks Mon to Wed; A1 only Mon and Wed: Tuesday is a school day A1 has no marks for.
        run.addPupil("9262001", ctfPupil("B1", "926", "2001", "/\\/\\/\\"));
        run.addPupil("9262001", ctfPupil("A1", "926", "2001", "/\\  /\\"));
        // At another school nobody has a mark on Tuesday: it is not a school day there.
        run.addPupil("9262002", ctfPupil("C1", "926", "2002", "/\\##/\\"));
        List<PupilReport> reports = run.run(YEAR, MON.plusDays(2), AlertRules.defaults());
        assertThat(only(reports, "A1").attendance().missingSessions()).isEqualTo(2);
        assertThat(only(reports, "B1").attendance().missingSessions()).isZero();
        assertThat(only(reports, "C1").attendance().missingSessions()).isZero();
    }

    @Test
    void anEarlierSchoolsYearIsFiledUnderThatSchool() {
        IndicatorRun run = new IndicatorRun();
        Pupil p = Pupil.builder().upn("A1").attendance(List.of(
                new AttendanceYear(2025, "926", "2001", null, null, null, null, null, RecordedDate.of(MON), "NNNN"),
                new AttendanceYear(2024, "926", "3001", null, null, null, null, null,
                        RecordedDate.of(MON.minusYears(1)), "NN"))).build();
        run.addPupil("9262001", p);
        List<PupilReport> reports = run.run(YEAR, MON.plusDays(3), AlertRules.defaults());
        assertThat(reports).extracting(r -> r.key().laestab()).containsExactly("9262001");
        assertThat(reports.getFirst().attendance().possibleSessions()).isEqualTo(4);
    }

    @Test
    void aPupilOnAnEarlierFullRollAndOnNoLaterOneHasLeft() {
        IndicatorRun run = new IndicatorRun();
        LocalDate earlier = LocalDate.of(2026, 2, 20);
        LocalDate later = LocalDate.of(2026, 3, 20);
        Pupil stays = Pupil.builder().upn("A1").admissionDate(LocalDate.of(2021, 9, 1)).build();
        Pupil goes = Pupil.builder().upn("B2").admissionDate(LocalDate.of(2021, 9, 1)).build();
        Pupil moves = Pupil.builder().upn("C3").admissionDate(LocalDate.of(2021, 9, 1)).build();
        run.addPupil("9262001", stays, earlier, true);
        run.addPupil("9262001", goes, earlier, true);
        run.addPupil("9262001", moves, earlier, true);
        run.addPupil("9262001", stays, later, true);
        run.addPupil("9262002", moves.toBuilder().admissionDate(LocalDate.of(2026, 3, 2)).build(), later, true);
        // A partial file from the first school, taken later still, does not take A1 off the roll.
        run.addPupil("9262001", Pupil.builder().upn("D4").build(), LocalDate.of(2026, 3, 21), false);
        List<PupilReport> reports = run.run(YEAR, later, AlertRules.defaults());
        assertThat(reports).filteredOn(r -> r.alertIds().contains(
                org.rollbridge.core.indicators.alerts.AlertId.LEFT_NO_DESTINATION))
                .extracting(r -> r.key().upn()).containsExactly("B2");
        assertThat(only(reports, "C3").alertIds()).isEmpty();     // the leaving record at the first school
        assertThat(reports).filteredOn(r -> r.key().upn().equals("C3")).extracting(r -> r.key().laestab())
                .containsExactly("9262001", "9262002");
        assertThat(reports).filteredOn(r -> r.key().laestab().equals("9262002")).singleElement()
                .satisfies(r -> assertThat(r.alertIds()).containsExactly(
                        org.rollbridge.core.indicators.alerts.AlertId.NEW_TO_ROLL_NON_STANDARD));
    }

    @SeededCases(200)
    void theCompactLogReadsACtfStringAsTheDecoderDoes(Seed seed) {
        String marks = seed.string(Seed.range(' ', 'z'), 0, 60);
        int daysFromChange = seed.between(-40, 40);
        LocalDate start = AttendanceCode.CODES_2024_FROM.plusDays(daysFromChange);
        List<String> expected = new ArrayList<>();
        for (SessionMark m : CtfMarks.decode(start, marks)) {
            expected.add(m.date() + " " + m.session() + " " + m.attendanceCode());
        }
        MarkLog log = new MarkLog();
        log.addCtf(start, marks);
        List<String> actual = new ArrayList<>();
        log.replay((LocalDate d, Session s, Optional<AttendanceCode> c) -> actual.add(d + " " + s + " " + c));
        assertThat(actual).isEqualTo(expected);
    }
}
