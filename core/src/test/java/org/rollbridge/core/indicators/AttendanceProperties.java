package org.rollbridge.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.testing.Seed;
import org.rollbridge.core.testing.SeededCases;

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

    /** Six days in ten have the same mark morning and afternoon, as real registers mostly do. */
    static Case register(Seed seed) {
        LocalDate start = LocalDate.of(2023, 9, 1).plusDays(seed.between(0, 700));
        List<String[]> days = seed.list(0, 140, () -> {
            String am = seed.pick(CODES);
            String pm = seed.pick(CODES);
            return seed.between(0, 9) < 6 ? new String[] {am, am} : new String[] {am, pm};
        });
        int admitted = seed.between(-5, 60);
        int stay = seed.between(0, 200);
        LocalDate asOf = start.plusDays(seed.between(0, 160));
        Enrolment enrolment = new Enrolment(admitted < 0 ? null : start.plusDays(admitted),
                stay > 180 ? null : start.plusDays(admitted + stay));
        return new Case(start, days, enrolment, asOf, seed.anyLong());
    }

    @SeededCases(300)
    void ratesAreWithinZeroAndAHundred(Seed seed) {
        Case c = register(seed);
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

    @SeededCases(300)
    void streaksNeverExceedSchoolDays(Seed seed) {
        Case c = register(seed);
        PupilAttendance a = AttendanceIndicators.measure(AttendanceIndicatorsTest.PUPIL, c.scope(), c.marks());
        assertThat(a.longestAbsenceStreak().days()).isLessThanOrEqualTo(a.schoolDays());
        assertThat(a.currentAbsenceStreak().days()).isLessThanOrEqualTo(a.longestAbsenceStreak().days());
        assertThat(a.currentUnauthorisedStreak().days()).isLessThanOrEqualTo(a.longestUnauthorisedStreak().days());
        // Every unauthorised day is an absent day, so no unauthorised run outlasts the absence run it sits in.
        assertThat(a.longestUnauthorisedStreak().days()).isLessThanOrEqualTo(a.longestAbsenceStreak().days());
        assertThat(a.schoolDays() * 2).isGreaterThanOrEqualTo(a.possibleSessions());
        assertThat(a.longestAbsenceStreak().days()).isEqualTo(referenceLongestAbsence(c));
    }

    @SeededCases(200)
    void oneBatchOrDayByDayGiveTheSameResult(Seed seed) {
        Case c = register(seed);
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
