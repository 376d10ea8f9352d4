package org.rollbridge.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceCode;

class AttendanceProperties {

    /** A register over consecutive calendar days from a start date, with the enrolment and as-of date. */
    record Case(LocalDate start, List<String[]> days, Enrolment enrolment, LocalDate asOf, long seed) {

        List<SessionMark> marks() {
            List<SessionMark> out = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                String[] d = days.get(i);
                if (d[0] != null) {
                    out.add(new SessionMark(start.plusDays(i), Session.AM, d[0]));
                }
                if (d[1] != null) {
                    out.add(new SessionMark(start.plusDays(i), Session.PM, d[1]));
                }
            }
            return out;
        }

        IndicatorScope scope() {
            return IndicatorScope.academicYear(asOf).withEnrolment(enrolment).withNotableStreakDays(3);
        }
    }

    // Weighted towards presence and absence so that streaks form; null is a session with no mark.
    private static final String[] CODES = {"/", "\\", "L", "N", "N", "N", "O", "G", "U", "I", "I", "M", "C2", "H",
        "J", "Y", "K", "V", "D", "X", "#", "#", null, "?"};

    @Provide
    Arbitrary<Case> registers() {
        Arbitrary<LocalDate> start = Arbitraries.integers().between(0, 700)
                .map(i -> LocalDate.of(2023, 9, 1).plusDays(i));
        Arbitrary<String> code = Arbitraries.of(java.util.Arrays.asList(CODES));
        Arbitrary<String[]> day = Combinators.combine(code, code, Arbitraries.integers().between(0, 9))
                .as((am, pm, same) -> same < 6 ? new String[] {am, am} : new String[] {am, pm});
        Arbitrary<List<String[]>> days = day.list().ofMinSize(0).ofMaxSize(140);
        Arbitrary<Integer> admittedOffset = Arbitraries.integers().between(-5, 60);
        Arbitrary<Integer> stay = Arbitraries.integers().between(0, 200);
        Arbitrary<Integer> asOfOffset = Arbitraries.integers().between(0, 160);
        return Combinators.combine(start, days, admittedOffset, stay, asOfOffset, Arbitraries.longs())
                .as((s, d, adm, st, asOf, seed) -> new Case(s, d,
                        new Enrolment(adm < 0 ? null : s.plusDays(adm), st > 180 ? null : s.plusDays(adm + st)),
                        s.plusDays(asOf), seed));
    }

    @Property(tries = 300)
    void ratesAreWithinZeroAndAHundred(@ForAll("registers") Case c) {
        PupilAttendance a = AttendanceIndicators.measure(AttendanceIndicatorsTest.PUPIL, c.scope(), c.marks());
        for (BigDecimal rate : new BigDecimal[] {a.absenceRate(), a.authorisedRate(), a.unauthorisedRate()}) {
            if (a.possibleSessions() == 0) {
                assertThat(rate).isNull();
            } else {
                assertThat(rate).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
            }
        }
        assertThat(a.attendedSessions() + a.aeaSessions() + a.absenceSessions()).isEqualTo(a.possibleSessions());
        assertThat(a.absenceBand() == null).isEqualTo(!a.reportable());
        if (a.persistentAbsence()) {
            assertThat(a.absenceRate()).isGreaterThanOrEqualTo(BigDecimal.TEN);
        }
    }

    @Property(tries = 300)
    void streaksNeverExceedSchoolDays(@ForAll("registers") Case c) {
        PupilAttendance a = AttendanceIndicators.measure(AttendanceIndicatorsTest.PUPIL, c.scope(), c.marks());
        assertThat(a.longestAbsenceStreak().days()).isLessThanOrEqualTo(a.schoolDays());
        assertThat(a.currentAbsenceStreak().days()).isLessThanOrEqualTo(a.longestAbsenceStreak().days());
        assertThat(a.currentUnauthorisedStreak().days()).isLessThanOrEqualTo(a.longestUnauthorisedStreak().days());
        // Every unauthorised day is an absent day, so no unauthorised run outlasts the absence run it sits in.
        assertThat(a.longestUnauthorisedStreak().days()).isLessThanOrEqualTo(a.longestAbsenceStreak().days());
        assertThat(a.schoolDays() * 2).isGreaterThanOrEqualTo(a.possibleSessions());
        assertThat(a.longestAbsenceStreak().days()).isEqualTo(referenceLongestAbsence(c));
    }

    @Property(tries = 200)
    void oneBatchOrDayByDayGiveTheSameResult(@ForAll("registers") Case c) {
        List<SessionMark> marks = c.marks();
        List<SessionMark> shuffled = new ArrayList<>(marks);
        Collections.shuffle(shuffled, new Random(c.seed()));
        PupilAttendance batch = AttendanceIndicators.measure(AttendanceIndicatorsTest.PUPIL, c.scope(), shuffled);

        TreeMap<LocalDate, List<SessionMark>> byDay = new TreeMap<>();
        for (SessionMark m : marks) {
            byDay.computeIfAbsent(m.date(), k -> new ArrayList<>()).add(m);
        }
        AttendanceTally tally = new AttendanceTally(AttendanceIndicatorsTest.PUPIL, c.scope());
        List<SessionMark> sofar = new ArrayList<>();
        for (List<SessionMark> day : byDay.values()) {
            day.forEach(tally::accept);
            sofar.addAll(day);
            // The running tally agrees with a batch over the marks so far, every night.
            assertThat(tally.result()).isEqualTo(
                    AttendanceIndicators.measure(AttendanceIndicatorsTest.PUPIL, c.scope(), sofar));
        }
        assertThat(tally.result()).isEqualTo(batch);
    }

    /** The definition read literally: classify each counted day, then find the longest run of absent days. */
    private static int referenceLongestAbsence(Case c) {
        Period year = Period.academicYearContaining(c.asOf());
        int best = 0;
        int run = 0;
        for (int i = 0; i < c.days().size(); i++) {
            LocalDate date = c.start().plusDays(i);
            if (date.isAfter(c.asOf()) || !year.contains(date) || !c.enrolment().onRoll(date)) {
                continue;
            }
            int possible = 0;
            int absent = 0;
            for (String code : c.days().get(i)) {
                AttendanceCode a = code == null ? null : AttendanceCode.interpret(code, date).orElse(null);
                if (a != null && a.possible()) {
                    possible++;
                    absent += a.absence() ? 1 : 0;
                }
            }
            if (possible == 0) {
                continue;
            }
            run = absent == possible ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
