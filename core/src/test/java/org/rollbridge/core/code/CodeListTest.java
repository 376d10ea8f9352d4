package org.rollbridge.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodeListTest {

    /** DOMAIN.md's attendance table, current codes, verbatim. */
    private static final Map<AttendanceGroup, Set<String>> TABLE = Map.of(
            AttendanceGroup.PRESENT, Set.of("/", "\\", "L"),
            AttendanceGroup.APPROVED_EDUCATIONAL_ACTIVITY, Set.of("K", "V", "P", "W", "B"),
            AttendanceGroup.AUTHORISED_ABSENCE, Set.of("C1", "M", "J1", "S", "T", "R", "I", "E", "C2", "C"),
            AttendanceGroup.UNAUTHORISED_ABSENCE, Set.of("G", "N", "O", "U"),
            AttendanceGroup.NOT_POSSIBLE, Set.of("D", "X", "Z", "#", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7"));

    @Test
    void everyCurrentCodeIsInTheGroupTheTableGivesIt() {
        Map<AttendanceGroup, Set<String>> actual = Arrays.stream(AttendanceCode.values())
                .filter(c -> !c.legacy())
                .collect(Collectors.groupingBy(AttendanceCode::group,
                        Collectors.mapping(AttendanceCode::code, Collectors.toSet())));
        assertThat(actual).isEqualTo(TABLE);
    }

    @Test
    void groupsSayWhetherASessionIsPossibleAndAnAbsence() {
        assertThat(AttendanceCode.parse("/")).hasValueSatisfying(c -> {
            assertThat(c.possible()).isTrue();
            assertThat(c.absence()).isFalse();
            assertThat(c.attendedOrApproved()).isTrue();
        });
        assertThat(AttendanceCode.parse("K").orElseThrow().attendedOrApproved()).isTrue();
        assertThat(AttendanceCode.parse("K").orElseThrow().absence()).isFalse();
        assertThat(AttendanceCode.parse("I").orElseThrow().authorisedAbsence()).isTrue();
        assertThat(AttendanceCode.parse("C2").orElseThrow().absence()).isTrue();
        assertThat(AttendanceCode.parse("N").orElseThrow().unauthorisedAbsence()).isTrue();
        assertThat(AttendanceCode.parse("U").orElseThrow().late()).isTrue();
        assertThat(AttendanceCode.parse("#").orElseThrow().possible()).isFalse();
        assertThat(AttendanceCode.parse("Y4").orElseThrow().absence()).isFalse();
        assertThat(AttendanceCode.parse(" l ")).contains(AttendanceCode.L);
        assertThat(AttendanceCode.parse("?")).isEmpty();
        assertThat(AttendanceCode.parse(null)).isEmpty();
    }

    @Test
    void oldCodesMapToNewAndKeepTheirOwnGroup() {
        assertThat(AttendanceCode.parse("H")).contains(AttendanceCode.H_LEGACY);
        assertThat(AttendanceCode.H_LEGACY.legacy()).isTrue();
        assertThat(AttendanceCode.H_LEGACY.current()).isEqualTo(AttendanceCode.C);
        assertThat(AttendanceCode.J_LEGACY.current()).isEqualTo(AttendanceCode.J1);
        assertThat(AttendanceCode.Y_LEGACY.current()).isEqualTo(AttendanceCode.Y7);
        assertThat(AttendanceCode.H_LEGACY.group()).isEqualTo(AttendanceGroup.AUTHORISED_ABSENCE);
        assertThat(AttendanceCode.Y_LEGACY.possible()).isFalse();
        assertThat(AttendanceCode.N.current()).isEqualTo(AttendanceCode.N);
        assertThat(Arrays.stream(AttendanceCode.values()).filter(AttendanceCode::legacy))
                .containsExactlyInAnyOrder(AttendanceCode.H_LEGACY, AttendanceCode.J_LEGACY, AttendanceCode.Y_LEGACY);
    }

    @Test
    void singleLetterMarksAreReadByDate() {
        LocalDate before = AttendanceCode.CODES_2024_FROM.minusDays(1);
        LocalDate from = AttendanceCode.CODES_2024_FROM;
        assertThat(AttendanceCode.interpret("J", before)).contains(AttendanceCode.J_LEGACY);
        assertThat(AttendanceCode.interpret("J", from)).contains(AttendanceCode.J1);
        assertThat(AttendanceCode.interpret("Y", before)).contains(AttendanceCode.Y_LEGACY);
        assertThat(AttendanceCode.interpret("Y", from)).contains(AttendanceCode.Y7);
        assertThat(AttendanceCode.interpret("H", from)).contains(AttendanceCode.H_LEGACY); // kept, and reported
        assertThat(AttendanceCode.interpret("C", from)).contains(AttendanceCode.C);
        assertThat(AttendanceCode.interpret("J", null)).contains(AttendanceCode.J_LEGACY);
        assertThat(AttendanceCode.C2.ctfCharacter()).isEqualTo('C');
    }

    @Test
    void expectedYearFollowsAgeOnThe31stOfAugust() {
        LocalDate inYear = LocalDate.of(2025, 10, 1);
        assertThat(NcYear.expectedFor(LocalDate.of(2016, 5, 14), inYear)).contains(NcYear.Y5); // 9 on 31 Aug 2025
        assertThat(NcYear.expectedFor(LocalDate.of(2016, 8, 31), inYear)).contains(NcYear.Y5);
        assertThat(NcYear.expectedFor(LocalDate.of(2016, 9, 1), inYear)).contains(NcYear.Y4);
        assertThat(NcYear.expectedFor(LocalDate.of(2021, 1, 10), inYear)).contains(NcYear.R);
        assertThat(NcYear.expectedFor(LocalDate.of(2010, 3, 1), inYear)).contains(NcYear.Y11);
        assertThat(NcYear.expectedFor(LocalDate.of(2016, 5, 14), LocalDate.of(2026, 8, 31))).contains(NcYear.Y5);
        assertThat(NcYear.expectedFor(LocalDate.of(2016, 5, 14), LocalDate.of(2026, 9, 1))).contains(NcYear.Y6);
        assertThat(NcYear.expectedFor(LocalDate.of(1990, 1, 1), inYear)).isEmpty();
        assertThat(NcYear.academicYearOf(LocalDate.of(2026, 8, 31))).isEqualTo(2025);
        assertThat(CodeList.lookup(NcYear.class, " r ")).contains(NcYear.R);
        assertThat(Coded.of(Sex.class, "Q").unknown()).isTrue();
        assertThat(Coded.of(Sex.class, "f").code()).isEqualTo(Sex.FEMALE);
    }
}
