package org.rollbridge.core.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.testing.Seed;
import org.rollbridge.core.testing.SeededCases;

class CtfMarksTest {

    private static final LocalDate MON_1_SEP = LocalDate.of(2025, 9, 1);
    /** The sample file's marks: Mon 1 Sep .. Fri 12 Sep 2025. */
    private static final String SAMPLE = "##/\\/\\/\\II####/\\N\\/\\/\\/\\";

    @Test
    void decodesTheSampleIntoDatedSessions() {
        List<SessionMark> marks = CtfMarks.decode(MON_1_SEP, SAMPLE);
        assertThat(marks).hasSize(SAMPLE.length());
        assertThat(marks.subList(0, 10)).containsExactly(
                new SessionMark(MON_1_SEP, Session.AM, "#"),
                new SessionMark(MON_1_SEP, Session.PM, "#"),
                new SessionMark(LocalDate.of(2025, 9, 2), Session.AM, "/"),
                new SessionMark(LocalDate.of(2025, 9, 2), Session.PM, "\\"),
                new SessionMark(LocalDate.of(2025, 9, 3), Session.AM, "/"),
                new SessionMark(LocalDate.of(2025, 9, 3), Session.PM, "\\"),
                new SessionMark(LocalDate.of(2025, 9, 4), Session.AM, "/"),
                new SessionMark(LocalDate.of(2025, 9, 4), Session.PM, "\\"),
                new SessionMark(LocalDate.of(2025, 9, 5), Session.AM, "I"),
                new SessionMark(LocalDate.of(2025, 9, 5), Session.PM, "I"));
        // Saturday and Sunday are closures; Tuesday 9th morning is the unexplained absence.
        assertThat(marks.get(10).date()).isEqualTo(LocalDate.of(2025, 9, 6));
        assertThat(marks.get(16)).isEqualTo(new SessionMark(LocalDate.of(2025, 9, 9), Session.AM, "N"));
        assertThat(marks.get(23)).isEqualTo(new SessionMark(LocalDate.of(2025, 9, 12), Session.PM, "\\"));
        assertThat(marks.get(16).attendanceCode()).contains(AttendanceCode.N);
    }

    @Test
    void encodesTheSampleBackExactly() {
        assertThat(CtfMarks.encode(MON_1_SEP, CtfMarks.decode(MON_1_SEP, SAMPLE))).isEqualTo(SAMPLE);
    }

    @Test
    void blanksAreLeftOutAndGapsEncodeAsNoMark() {
        List<SessionMark> marks = CtfMarks.decode(MON_1_SEP, " -/\\");
        assertThat(marks).containsExactly(new SessionMark(LocalDate.of(2025, 9, 2), Session.AM, "/"),
                new SessionMark(LocalDate.of(2025, 9, 2), Session.PM, "\\"));
        assertThat(CtfMarks.encode(MON_1_SEP, marks)).isEqualTo("##/\\");
        assertThat(CtfMarks.encode(MON_1_SEP, List.of())).isEmpty();
        assertThat(CtfMarks.dateAt(MON_1_SEP, 5)).isEqualTo(LocalDate.of(2025, 9, 3));
    }

    @Test
    void twoLetterCodesAreWrittenAsTheirFirstLetterAndReadByDate() {
        LocalDate day = LocalDate.of(2025, 9, 2);
        String encoded = CtfMarks.encode(day, List.of(new SessionMark(day, Session.AM, AttendanceCode.J1),
                new SessionMark(day, Session.PM, AttendanceCode.C2)));
        assertThat(encoded).isEqualTo("JC");
        assertThat(CtfMarks.decode(day, encoded)).extracting(m -> m.attendanceCode().orElseThrow())
                .containsExactly(AttendanceCode.J1, AttendanceCode.C);
        assertThat(CtfMarks.decode(LocalDate.of(2023, 9, 4), "J").get(0).attendanceCode())
                .contains(AttendanceCode.J_LEGACY);
    }

    @Test
    void refusesAMarkBeforeTheStart() {
        assertThatThrownBy(() -> CtfMarks.encode(MON_1_SEP,
                List.of(new SessionMark(MON_1_SEP.minusDays(1), Session.PM, "/"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the start date");
    }

    @SeededCases(200)
    void decodeThenEncodeGivesTheSameString(Seed seed) {
        String marks = seed.string("/\\LKVPWBCMJSTRIEGNOUDXZ#QY", 0, 400);
        assertThat(CtfMarks.encode(MON_1_SEP, CtfMarks.decode(MON_1_SEP, marks))).isEqualTo(marks);
    }
}
