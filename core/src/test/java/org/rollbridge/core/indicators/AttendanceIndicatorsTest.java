package org.rollbridge.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.CtfMarks;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceCode;

/** Hand-checked fixtures: each expected figure is worked out in the comment beside it. */
class AttendanceIndicatorsTest {

    static final PupilKey PUPIL = new PupilKey("B801200005001", "8012000");

    static PupilAttendance measure(List<SessionMark> marks, LocalDate asOf) {
        return AttendanceIndicators.measure(PUPIL, IndicatorScope.academicYear(asOf), marks);
    }

    static PupilAttendance measure(List<SessionMark> marks, IndicatorScope scope) {
        return AttendanceIndicators.measure(PUPIL, scope, marks);
    }

    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Nested
    class Counts {

        @Test
        void countsEachGroupAndRoundsTheRateHalfUp() {
            // 14 school days from Mon 1 Sep 2025: 28 possible, 2 absent (U, M) = 7.142857% -> 7.14, band 5-10.
            var marks = Register.from(2025, 9, 1)
                    .schoolDays("/.\\ L.\\ /.U K.\\ /.M")
                    .repeat(9, "/.\\").marks();
            PupilAttendance a = measure(marks, d(2025, 9, 18));

            assertThat(a.possibleSessions()).isEqualTo(28);
            assertThat(a.attendedSessions()).isEqualTo(25);    // 2 + 2 + 1 + 1 + 1 + 18, L included
            assertThat(a.aeaSessions()).isEqualTo(1);
            assertThat(a.authorisedSessions()).isEqualTo(1);
            assertThat(a.unauthorisedSessions()).isEqualTo(1);
            assertThat(a.lateBeforeClose()).isEqualTo(1);
            assertThat(a.lateAfterClose()).isEqualTo(1);
            assertThat(a.absenceRate()).isEqualByComparingTo("7.14");
            assertThat(a.absenceBand()).isEqualTo("5-10");
            assertThat(a.persistentAbsence()).isFalse();
            assertThat(a.schoolDays()).isEqualTo(14);
            assertThat(a.missingSessions()).isZero();
            assertThat(a.currentAbsenceStreak()).isEqualTo(Streak.NONE);
            assertThat(a.longestAbsenceStreak()).isEqualTo(Streak.NONE);
        }

        @Test
        void persistentAbsenceStartsAtExactlyTenPercent() {
            // 10 days = 20 possible, 2 absent = 10.00% exactly.
            PupilAttendance a = measure(Register.from(2025, 9, 1).schoolDays("N.\\ /.N").repeat(8, "/.\\").marks(),
                    d(2025, 9, 30));
            assertThat(a.absenceRate()).isEqualByComparingTo("10.00");
            assertThat(a.persistentAbsence()).isTrue();
            assertThat(a.severeAbsence()).isFalse();
            assertThat(a.absenceBand()).isEqualTo("10-15");
        }

        @Test
        void justUnderTenPercentIsNotPersistent() {
            // 21 possible (10 days + one AM), 2 absent = 9.52%.
            PupilAttendance a = measure(Register.from(2025, 9, 1).schoolDays("N.\\ /.N")
                    .repeat(8, "/.\\").schoolDays("/.-").marks(), d(2025, 9, 30));
            assertThat(a.possibleSessions()).isEqualTo(21);
            assertThat(a.absenceRate()).isEqualByComparingTo("9.52");
            assertThat(a.persistentAbsence()).isFalse();
            assertThat(a.absenceBand()).isEqualTo("5-10");
        }

        @Test
        void severeAbsenceStartsAtFiftyPercentAndAHundredIsInTheTopBand() {
            PupilAttendance half = measure(Register.from(2025, 9, 1).repeat(5, "N.N").repeat(5, "/.\\").marks(),
                    d(2025, 9, 30));
            assertThat(half.severeAbsence()).isTrue();
            assertThat(half.absenceBand()).isEqualTo("50-55");

            PupilAttendance all = measure(Register.from(2025, 9, 1).repeat(10, "N.N").marks(), d(2025, 9, 30));
            assertThat(all.absenceRate()).isEqualByComparingTo("100.00");
            assertThat(all.absenceBand()).isEqualTo("95-100");
            assertThat(all.severeAbsence()).isTrue();
        }

        @Test
        void fewerThanTwentyPossibleSessionsHasNoBandAndNoFlags() {
            // 19 possible, all absent: a rate, but not reportable.
            PupilAttendance a = measure(Register.from(2025, 9, 1).repeat(9, "N.N").schoolDays("N.-").marks(),
                    d(2025, 9, 30));
            assertThat(a.possibleSessions()).isEqualTo(19);
            assertThat(a.absenceRate()).isEqualByComparingTo("100.00");
            assertThat(a.absenceBand()).isNull();
            assertThat(a.persistentAbsence()).isFalse();
            assertThat(a.severeAbsence()).isFalse();
        }

        @Test
        void noPossibleSessionGivesNoRate() {
            PupilAttendance a = measure(Register.from(2025, 9, 1).repeat(3, "X.X").marks(), d(2025, 9, 30));
            assertThat(a.possibleSessions()).isZero();
            assertThat(a.absenceRate()).isNull();
            assertThat(a.schoolDays()).isZero();
        }

        @Test
        void oldAndNewCodesInOnePeriodAreReadByDate() {
            // July 2024 (old set): J = interview, approved activity; H = authorised holiday; Y = not possible.
            // September 2024 (new set): J = J1, authorised absence; Y = Y1..Y7, not possible; C2 authorised.
            var marks = Register.from(2024, 7, 1).schoolDays("J.J H.H Y.Y")
                    .skipTo(2024, 9, 2).schoolDays("J.J Y.Y C2.C2 /.\\").marks();
            IndicatorScope scope = new IndicatorScope(new Period(d(2024, 7, 1), d(2024, 9, 30)), d(2024, 9, 30),
                    null, null, false, 10);
            PupilAttendance a = measure(marks, scope);
            assertThat(a.possibleSessions()).isEqualTo(10);     // J J H H | J1 J1 C2 C2 / backslash
            assertThat(a.aeaSessions()).isEqualTo(2);
            assertThat(a.authorisedSessions()).isEqualTo(6);    // H H J1 J1 C2 C2
            assertThat(a.attendedSessions()).isEqualTo(2);
            assertThat(a.reducedTimetableSessions()).isEqualTo(2);
            assertThat(a.reducedTimetable()).isTrue();
        }

        @Test
        void partTimeFlagAloneMeansReducedTimetable() {
            IndicatorScope scope = IndicatorScope.academicYear(d(2025, 9, 30)).withPartTimeTimetable(true);
            PupilAttendance a = measure(Register.from(2025, 9, 1).repeat(3, "/.\\").marks(), scope);
            assertThat(a.reducedTimetableSessions()).isZero();
            assertThat(a.reducedTimetable()).isTrue();
            assertThat(measure(Register.from(2025, 9, 1).repeat(3, "/.\\").marks(), d(2025, 9, 30))
                    .reducedTimetable()).isFalse();
        }

        @Test
        void unknownCodesAreCountedAsUnreadableAndIgnored() {
            PupilAttendance a = measure(Register.from(2025, 9, 1).schoolDays("?.N /.\\").marks(), d(2025, 9, 30));
            assertThat(a.unreadableMarks()).isEqualTo(1);
            assertThat(a.possibleSessions()).isEqualTo(3);
        }

        @Test
        void aLaterMarkForTheSameSessionReplacesTheEarlierOne() {
            LocalDate mon = d(2025, 9, 1);
            List<SessionMark> marks = List.of(new SessionMark(mon, Session.AM, "N"),
                    new SessionMark(mon, Session.PM, "N"), new SessionMark(mon, Session.AM, "/"));
            PupilAttendance a = measure(marks, d(2025, 9, 30));
            assertThat(a.possibleSessions()).isEqualTo(2);
            assertThat(a.attendedSessions()).isEqualTo(1);
            assertThat(a.unauthorisedSessions()).isEqualTo(1);
        }
    }

    @Nested
    class Streaks {

        @Test
        void aStreakRunsAcrossAWeekendAndAHalfTermMarkedInACtfString() {
            // Mon 20 Oct - Fri 24 Oct 2025 absent, weekend, half-term week 27-31 Oct closed (#), weekend,
            // Mon 3 Nov - Fri 7 Nov absent: 10 consecutive school days.
            String marks = "N".repeat(10) + "#".repeat(4) + "#".repeat(14) + "O".repeat(10);
            var decoded = CtfMarks.decode(d(2025, 10, 20), marks);
            PupilAttendance a = measure(decoded, d(2025, 11, 7));
            assertThat(a.currentAbsenceStreak()).isEqualTo(new Streak(10, d(2025, 10, 20), d(2025, 11, 7)));
            assertThat(a.longestAbsenceStreak()).isEqualTo(a.currentAbsenceStreak());
            assertThat(a.currentUnauthorisedStreak().days()).isEqualTo(10);
            assertThat(a.notableAbsenceStreaks()).containsExactly(a.currentAbsenceStreak());
            assertThat(a.schoolDays()).isEqualTo(10);
            assertThat(a.possibleSessions()).isEqualTo(20);
        }

        @Test
        void aStreakRunsAcrossHolidaysWithNoMarksInASessionFeed() {
            var marks = Register.from(2025, 10, 20).repeat(5, "N.N").skipTo(2025, 11, 3).repeat(5, "G.G").marks();
            PupilAttendance a = measure(marks, d(2025, 11, 7));
            assertThat(a.currentAbsenceStreak()).isEqualTo(new Streak(10, d(2025, 10, 20), d(2025, 11, 7)));
        }

        @Test
        void aLateMarkBeforeTheRegisterClosedBreaksTheStreak() {
            // 6 days N (1-8 Sep), L in the morning of Tue 9 Sep, 5 days N (10-16 Sep).
            var marks = Register.from(2025, 9, 1).repeat(6, "N.N").schoolDays("L.N").repeat(5, "N.N").marks();
            PupilAttendance a = measure(marks, d(2025, 9, 16));
            assertThat(a.longestAbsenceStreak()).isEqualTo(new Streak(6, d(2025, 9, 1), d(2025, 9, 8)));
            assertThat(a.currentAbsenceStreak()).isEqualTo(new Streak(5, d(2025, 9, 10), d(2025, 9, 16)));
            assertThat(a.longestUnauthorisedStreak().days()).isEqualTo(6);
        }

        @Test
        void aLateMarkAfterTheRegisterClosedIsAnUnauthorisedAbsence() {
            var marks = Register.from(2025, 9, 1).repeat(6, "N.N").schoolDays("U.N").repeat(5, "N.N").marks();
            PupilAttendance a = measure(marks, d(2025, 9, 16));
            assertThat(a.currentAbsenceStreak()).isEqualTo(new Streak(12, d(2025, 9, 1), d(2025, 9, 16)));
            assertThat(a.currentUnauthorisedStreak().days()).isEqualTo(12);
            assertThat(a.lateAfterClose()).isEqualTo(1);
        }

        @Test
        void insetDaysAreSkipped() {
            // Mon 1 - Thu 4 Sep absent, Fri 5 Sep INSET (#), Mon 8 - Mon 15 Sep absent: 10 school days.
            var marks = Register.from(2025, 9, 1).repeat(4, "N.N").schoolDays("#.#").repeat(6, "N.N").marks();
            PupilAttendance a = measure(marks, d(2025, 9, 15));
            assertThat(a.currentAbsenceStreak()).isEqualTo(new Streak(10, d(2025, 9, 1), d(2025, 9, 15)));
            assertThat(a.schoolDays()).isEqualTo(10);
            assertThat(a.missingSessions()).isZero();
        }

        @Test
        void aPupilWhoJoinsMidStreakIsCountedFromAdmission() {
            // The register carries N from Mon 1 Sep, but the pupil was admitted on Mon 8 Sep: 5 days count.
            var marks = Register.from(2025, 9, 1).repeat(10, "N.N").marks();
            IndicatorScope scope = IndicatorScope.academicYear(d(2025, 9, 12))
                    .withEnrolment(new Enrolment(d(2025, 9, 8), null));
            PupilAttendance a = measure(marks, scope);
            assertThat(a.currentAbsenceStreak()).isEqualTo(new Streak(5, d(2025, 9, 8), d(2025, 9, 12)));
            assertThat(a.possibleSessions()).isEqualTo(10);
        }

        @Test
        void marksAfterLeavingOrAfterTheAsOfDateAreIgnored() {
            var marks = Register.from(2025, 9, 1).repeat(10, "N.N").marks();
            assertThat(measure(marks, d(2025, 9, 9)).possibleSessions()).isEqualTo(14);
            IndicatorScope left = IndicatorScope.academicYear(d(2025, 9, 30))
                    .withEnrolment(new Enrolment(null, d(2025, 9, 3)));
            assertThat(measure(marks, left).possibleSessions()).isEqualTo(6);
        }

        @Test
        void dualRegistrationDaysNeitherCountNorBreak() {
            // 3 days N, 2 days D (at the other school), 3 days N: a streak of 6 school days; D is not possible.
            var marks = Register.from(2025, 9, 1).repeat(3, "N.N").repeat(2, "D.D").repeat(3, "N.N").marks();
            PupilAttendance a = measure(marks, d(2025, 9, 10));
            assertThat(a.currentAbsenceStreak()).isEqualTo(new Streak(6, d(2025, 9, 1), d(2025, 9, 10)));
            assertThat(a.possibleSessions()).isEqualTo(12);
            assertThat(a.schoolDays()).isEqualTo(6);

            // A day with the morning at the other school and an absent afternoon here is an absent day.
            var half = Register.from(2025, 9, 1).repeat(2, "N.N").schoolDays("D.N").marks();
            assertThat(measure(half, d(2025, 9, 10)).currentAbsenceStreak().days()).isEqualTo(3);
            // ... and present here in the afternoon breaks it.
            var present = Register.from(2025, 9, 1).repeat(2, "N.N").schoolDays("D.\\").marks();
            assertThat(measure(present, d(2025, 9, 10)).currentAbsenceStreak()).isEqualTo(Streak.NONE);
        }

        @Test
        void aDayPartlyAuthorisedHoldsTheUnauthorisedStreakAndAnAuthorisedDayBreaksIt() {
            // N.N, N.N, I.N (held), N.N -> unauthorised run of 3 school days from day 1 to day 4.
            // Then I.I (authorised all day) breaks it; N.N starts a new one. The absence run is 6.
            var marks = Register.from(2025, 9, 1).schoolDays("N.N N.N I.N N.N I.I N.N").marks();
            PupilAttendance a = measure(marks, d(2025, 9, 8));
            assertThat(a.longestUnauthorisedStreak()).isEqualTo(new Streak(3, d(2025, 9, 1), d(2025, 9, 4)));
            assertThat(a.currentUnauthorisedStreak()).isEqualTo(new Streak(1, d(2025, 9, 8), d(2025, 9, 8)));
            assertThat(a.currentAbsenceStreak()).isEqualTo(new Streak(6, d(2025, 9, 1), d(2025, 9, 8)));
            assertThat(a.lastUnauthorisedDate()).isEqualTo(d(2025, 9, 8));
        }

        @Test
        void approvedActivityBreaksTheStreakAndCurrentIsZeroAfterAPresentDay() {
            var marks = Register.from(2025, 9, 1).repeat(3, "N.N").schoolDays("V.V").repeat(2, "N.N")
                    .schoolDays("/.\\").marks();
            PupilAttendance a = measure(marks, d(2025, 9, 30));
            assertThat(a.longestAbsenceStreak()).isEqualTo(new Streak(3, d(2025, 9, 1), d(2025, 9, 3)));
            assertThat(a.currentAbsenceStreak()).isEqualTo(Streak.NONE);
            assertThat(a.lastSchoolDay()).isEqualTo(d(2025, 9, 9));
        }

        @Test
        void everyRunOfTheNotableLengthIsRemembered() {
            var marks = Register.from(2025, 9, 1).repeat(10, "N.N").schoolDays("/.\\").repeat(12, "N.N")
                    .schoolDays("/.\\").repeat(9, "N.N").marks();
            PupilAttendance a = measure(marks, d(2025, 12, 1));
            assertThat(a.notableAbsenceStreaks()).extracting(Streak::days).containsExactly(10, 12);
            assertThat(a.longestAbsenceStreak().days()).isEqualTo(12);
            assertThat(a.currentAbsenceStreak().days()).isEqualTo(9);
        }
    }

    @Nested
    class IllnessAndMissingMarks {

        @Test
        void illnessIsCountedInHalfDaysOverTheAcademicYear() {
            // 14 full days of I, one morning, one afternoon: 30 sessions = 15 school days.
            var marks = Register.from(2025, 9, 1).repeat(14, "I.I").schoolDays("I.\\ /.I").marks();
            PupilAttendance a = measure(marks, d(2025, 10, 31));
            assertThat(a.illnessSessionsInYear()).isEqualTo(30);
            assertThat(a.illnessDays()).isEqualTo(15.0);

            // A period starting in October still counts September's illness for the year.
            IndicatorScope october = new IndicatorScope(new Period(d(2025, 10, 1), d(2025, 10, 31)),
                    d(2025, 10, 31), null, null, false, 10);
            PupilAttendance b = measure(marks, october);
            assertThat(b.possibleSessions()).isZero();
            assertThat(b.illnessDays()).isEqualTo(15.0);
        }

        @Test
        void missingMarksAreSessionsOnOpenDaysWithNoMark() {
            // Open 1-12 Sep except INSET Fri 5 Sep. The pupil has no PM mark on Mon 8 and nothing on Tue 9.
            SchoolCalendar calendar = SchoolCalendar.ofOpenDays(List.of(d(2025, 9, 1), d(2025, 9, 2), d(2025, 9, 3),
                    d(2025, 9, 4), d(2025, 9, 8), d(2025, 9, 9), d(2025, 9, 10), d(2025, 9, 11), d(2025, 9, 12)));
            var marks = Register.from(2025, 9, 1).repeat(4, "/.\\").skipTo(2025, 9, 8).schoolDays("/.- -.-")
                    .repeat(3, "/.\\").marks();
            IndicatorScope scope = IndicatorScope.academicYear(d(2025, 9, 30)).withCalendar(calendar);
            assertThat(measure(marks, scope).missingSessions()).isEqualTo(3);

            // Marks stopping on Wed 10 Sep while the school's register runs to Fri 12: 4 more.
            var shorter = marks.stream().filter(m -> !m.date().isAfter(d(2025, 9, 10))).toList();
            assertThat(measure(shorter, scope).missingSessions()).isEqualTo(7);
            // ...but only up to the as-of date.
            IndicatorScope asOf11 = new IndicatorScope(scope.period(), d(2025, 9, 11), null, calendar, false, 10);
            assertThat(measure(shorter, asOf11).missingSessions()).isEqualTo(5);
        }
    }

    @Nested
    class DayByDay {

        @Test
        void theTallyRefusesMarksOutOfDateOrder() {
            AttendanceTally t = new AttendanceTally(PUPIL, IndicatorScope.academicYear(d(2025, 9, 30)));
            t.accept(d(2025, 9, 2), Session.AM, Optional.of(AttendanceCode.N));
            assertThatThrownBy(() -> t.accept(d(2025, 9, 1), Session.AM, Optional.of(AttendanceCode.N)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("date order").hasMessageContaining("2025-09-01");
        }

        @Test
        void aResultTakenMidwayDoesNotDisturbTheTally() {
            var marks = Register.from(2025, 9, 1).repeat(4, "N.N").schoolDays("/.\\").repeat(3, "N.N").marks();
            AttendanceTally t = new AttendanceTally(PUPIL, IndicatorScope.academicYear(d(2025, 9, 30)));
            List<PupilAttendance> snapshots = new ArrayList<>();
            for (SessionMark m : marks) {
                t.accept(m);
                snapshots.add(t.result());
            }
            assertThat(snapshots.get(7).currentAbsenceStreak().days()).isEqualTo(4);
            assertThat(t.result()).isEqualTo(measure(marks, d(2025, 9, 30)));
            assertThat(t.result().absenceRate()).isEqualByComparingTo("87.50");    // 14 of 16 absent
        }
    }
}
