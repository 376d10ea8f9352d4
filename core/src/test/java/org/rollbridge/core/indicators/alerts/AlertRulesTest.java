package org.rollbridge.core.indicators.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.indicators.AttendanceIndicators;
import org.rollbridge.core.indicators.ExclusionIndicators;
import org.rollbridge.core.indicators.IndicatorScope;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilKey;
import org.rollbridge.core.indicators.SchoolCalendar;
import org.rollbridge.core.indicators.movement.Joiner;
import org.rollbridge.core.indicators.movement.Leaver;
import org.rollbridge.core.indicators.movement.RollEntry;
import org.rollbridge.core.pupil.Exclusion;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;

class AlertRulesTest {

    static final PupilKey KEY = new PupilKey("B801200005001", "8012000");
    static final AlertRules DEFAULTS = AlertRules.defaults();

    /** The pupil's register from Mon 1 Sep 2025: one token per weekday, AM.PM. */
    static PupilAttendance register(LocalDate asOf, String... tokens) {
        List<SessionMark> marks = new java.util.ArrayList<>();
        LocalDate day = LocalDate.of(2025, 9, 1);
        for (String block : tokens) {
            for (String token : block.trim().split("\\s+")) {
                while (day.getDayOfWeek().getValue() >= 6) {
                    day = day.plusDays(1);
                }
                String[] s = token.split("\\.");
                marks.add(new SessionMark(day, Session.AM, s[0]));
                marks.add(new SessionMark(day, Session.PM, s[1]));
                day = day.plusDays(1);
            }
        }
        return AttendanceIndicators.measure(KEY, IndicatorScope.academicYear(asOf), marks);
    }

    static String times(int n, String token) {
        return (token + " ").repeat(n);
    }

    static List<AlertId> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }

    @Test
    void tenConsecutiveDaysAbsentRaisesBothStreakAlertsAndAbsenceLevels() {
        // 10 days N from Mon 1 Sep (to Fri 12 Sep): 100% absent, 20 possible.
        PupilAttendance a = register(LocalDate.of(2025, 9, 12), times(10, "N.N"));
        List<Alert> alerts = DEFAULTS.evaluate(PupilSituation.of(a));
        assertThat(ids(alerts)).containsExactly(AlertId.CONSECUTIVE_ABSENCE_10, AlertId.CONSECUTIVE_UNAUTHORISED_10,
                AlertId.PERSISTENT_ABSENCE, AlertId.SEVERE_ABSENCE);
        Alert streak = alerts.getFirst();
        assertThat(streak.situation()).isEqualTo("from:2025-09-01");
        assertThat(streak.severity()).isEqualTo(1);
        assertThat(streak.observedOn()).isEqualTo(LocalDate.of(2025, 9, 12));
        assertThat(streak.detail()).doesNotContain(KEY.upn());
    }

    @Test
    void nineDaysIsNotEnoughAndAuthorisedDaysRaiseOnlyTheAbsenceStreak() {
        assertThat(ids(DEFAULTS.evaluate(PupilSituation.of(register(LocalDate.of(2025, 9, 30),
                times(9, "N.N"), times(11, "/.\\")))))).doesNotContain(AlertId.CONSECUTIVE_ABSENCE_10,
                AlertId.CONSECUTIVE_UNAUTHORISED_10);
        PupilAttendance ill = register(LocalDate.of(2025, 9, 30), times(10, "I.I"), times(10, "/.\\"));
        assertThat(ids(DEFAULTS.evaluate(PupilSituation.of(ill)))).contains(AlertId.CONSECUTIVE_ABSENCE_10)
                .doesNotContain(AlertId.CONSECUTIVE_UNAUTHORISED_10);
    }

    @Test
    void theSameStreakIsTheSameCaseDayAfterDayAndWorsensOnlyAtTwiceTheThreshold() {
        Alert day10 = streakAlert(register(LocalDate.of(2025, 9, 12), times(10, "N.N")));
        Alert day11 = streakAlert(register(LocalDate.of(2025, 9, 15), times(11, "N.N")));
        Alert day20 = streakAlert(register(LocalDate.of(2025, 9, 26), times(20, "N.N")));
        assertThat(day11.caseKey()).isEqualTo(day10.caseKey());
        assertThat(day11.worsens(day10)).isFalse();
        assertThat(day20.caseKey()).isEqualTo(day10.caseKey());
        assertThat(day20.worsens(day10)).isTrue();
        // A new streak after a day in school is a new case.
        Alert next = streakAlert(register(LocalDate.of(2025, 10, 10), times(3, "N.N"), "/.\\", times(10, "N.N")));
        assertThat(next.caseKey()).isNotEqualTo(day10.caseKey());
    }

    private static Alert streakAlert(PupilAttendance a) {
        return DEFAULTS.evaluate(PupilSituation.of(a)).stream()
                .filter(x -> x.id() == AlertId.CONSECUTIVE_ABSENCE_10).findFirst().orElseThrow();
    }

    @Test
    void persistentAbsenceIsRaisedAtTheThresholdWithTheBandAsSeverity() {
        // 20 days, 4 sessions absent of 40 = 10%: PA (band 10-15 = severity 3), not SA.
        PupilAttendance a = register(LocalDate.of(2025, 9, 30), "N.N N.N", times(18, "/.\\"));
        List<Alert> alerts = DEFAULTS.evaluate(PupilSituation.of(a));
        assertThat(ids(alerts)).containsExactly(AlertId.PERSISTENT_ABSENCE);
        assertThat(alerts.getFirst().severity()).isEqualTo(3);
        assertThat(alerts.getFirst().situation()).isEqualTo("period:2025-09-01/2026-08-31");
        // An LA that raises the threshold to 15% sees nothing.
        AlertRules stricter = DEFAULTS.with(new AlertRule(AlertId.PERSISTENT_ABSENCE, true, 15));
        assertThat(stricter.evaluate(PupilSituation.of(a))).isEmpty();
    }

    @Test
    void reducedTimetableAndHealth() {
        PupilAttendance c2 = register(LocalDate.of(2025, 9, 30), "/.C2", times(19, "/.\\"));
        assertThat(ids(DEFAULTS.evaluate(PupilSituation.of(c2)))).containsExactly(AlertId.REDUCED_TIMETABLE);

        // 15 days of illness (30 I sessions) among 40 school days: health alert (and PA, SA by rate).
        PupilAttendance ill = register(LocalDate.of(2025, 10, 31), times(7, "I.I"), times(8, "/.\\"),
                times(16, "I.I"), times(9, "/.\\"));
        assertThat(ill.illnessDays()).isEqualTo(23.0);
        Alert health = DEFAULTS.evaluate(PupilSituation.of(ill)).stream()
                .filter(x -> x.id() == AlertId.HEALTH_15_DAYS).findFirst().orElseThrow();
        assertThat(health.situation()).isEqualTo("year:2025");
        assertThat(health.severity()).isEqualTo(1);
        PupilAttendance lessIll = register(LocalDate.of(2025, 10, 31), times(14, "I.I"), "I.\\",
                times(25, "/.\\"));
        assertThat(lessIll.illnessDays()).isEqualTo(14.5);
        assertThat(ids(DEFAULTS.evaluate(PupilSituation.of(lessIll)))).doesNotContain(AlertId.HEALTH_15_DAYS);
    }

    @Test
    void exclusionAlerts() {
        Exclusion perm = new Exclusion(KEY.upn(), KEY.laestab(), Coded.of(ExclusionCategory.PERM),
                Coded.of(ExclusionReason.PA), RecordedDate.of("2025-10-01"), null, null, null);
        Exclusion susp = new Exclusion(KEY.upn(), KEY.laestab(), Coded.of(ExclusionCategory.SUSP),
                Coded.of(ExclusionReason.PA), RecordedDate.of("2025-09-08"), RecordedDate.of("2025-09-26"), 31, null);
        PupilSituation s = new PupilSituation(KEY, null, ExclusionIndicators.measure(List.of(perm, susp),
                LocalDate.of(2025, 10, 3), SchoolCalendar.weekdays()), null, null, false);
        List<Alert> alerts = DEFAULTS.evaluate(s);
        assertThat(ids(alerts)).containsExactly(AlertId.PERMANENT_EXCLUSION_DAY_6,
                AlertId.SUSPENSIONS_OVER_15_DAYS);
        // Wed 1 Oct is day 1; day 6 is Wed 8 Oct. Before it severity 1, from it 2 (worse: the duty applies).
        assertThat(alerts.getFirst().observedOn()).isEqualTo(LocalDate.of(2025, 10, 8));
        assertThat(alerts.getFirst().severity()).isEqualTo(1);
        Alert due = DEFAULTS.evaluate(s.withExclusions(ExclusionIndicators.measure(List.of(perm),
                LocalDate.of(2025, 10, 8), SchoolCalendar.weekdays()))).getFirst();
        assertThat(due.worsens(alerts.getFirst())).isTrue();

        // Exactly 15 days (30 sessions) is not more than 15.
        Exclusion fifteen = new Exclusion(KEY.upn(), KEY.laestab(), Coded.of(ExclusionCategory.SUSP),
                Coded.of(ExclusionReason.PA), RecordedDate.of("2025-09-08"), null, 30, null);
        assertThat(DEFAULTS.evaluate(s.withExclusions(ExclusionIndicators.measure(List.of(fifteen),
                LocalDate.of(2025, 10, 3), SchoolCalendar.weekdays())))).isEmpty();
    }

    @Test
    void movementAlerts() {
        RollEntry e = new RollEntry(KEY.laestab(), Pupil.builder().upn(KEY.upn()).ncYear(NcYear.Y5)
                .enrolStatus(EnrolStatus.C).build());
        Leaver gone = new Leaver(e, LocalDate.of(2025, 10, 3), null, false);
        Leaver moved = new Leaver(e, LocalDate.of(2025, 10, 3), null, true);
        Leaver toKnown = new Leaver(e, LocalDate.of(2025, 10, 3), "Moved to Wales", false);
        PupilSituation base = new PupilSituation(KEY, null, null, null, null, false);
        assertThat(DEFAULTS.evaluate(base.withLeft(gone))).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(AlertId.LEFT_NO_DESTINATION);
            assertThat(a.situation()).isEqualTo("left:2025-10-03");
        });
        assertThat(DEFAULTS.evaluate(base.withLeft(moved))).isEmpty();
        assertThat(DEFAULTS.evaluate(base.withLeft(toKnown))).isEmpty();

        assertThat(ids(DEFAULTS.evaluate(base.withJoined(new Joiner(e, LocalDate.of(2025, 11, 4), true)))))
                .containsExactly(AlertId.NEW_TO_ROLL_NON_STANDARD);
        assertThat(DEFAULTS.evaluate(base.withJoined(new Joiner(e, LocalDate.of(2025, 9, 4), false)))).isEmpty();
    }

    @Test
    void cohortAbsenceOnTheFirstDayAbsentAndOnAnyUnauthorisedSession() {
        PupilAttendance firstDay = register(LocalDate.of(2025, 9, 26), times(19, "/.\\"), "I.I");
        assertThat(DEFAULTS.evaluate(PupilSituation.of(firstDay))).isEmpty();
        List<Alert> cohort = DEFAULTS.evaluate(PupilSituation.of(firstDay).inSafeguardingCohort(true));
        assertThat(cohort).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(AlertId.COHORT_ABSENCE);
            assertThat(a.situation()).isEqualTo("absent-from:2025-09-26");
            assertThat(a.severity()).isEqualTo(1);
        });
        // The next day, still absent, now without permission: the same case, worse.
        PupilAttendance secondDay = register(LocalDate.of(2025, 9, 29), times(19, "/.\\"), "I.I N.N");
        Alert worse = DEFAULTS.evaluate(PupilSituation.of(secondDay).inSafeguardingCohort(true)).getFirst();
        assertThat(worse.worsens(cohort.getFirst())).isTrue();

        // An unauthorised afternoon on a day otherwise in school.
        PupilAttendance afternoon = register(LocalDate.of(2025, 9, 26), times(19, "/.\\"), "/.O");
        assertThat(DEFAULTS.evaluate(PupilSituation.of(afternoon).inSafeguardingCohort(true)))
                .extracting(Alert::situation).containsExactly("unauthorised:2025-09-26");
        // ...but not one from a month ago.
        PupilAttendance old = register(LocalDate.of(2025, 10, 20), "/.O", times(30, "/.\\"));
        assertThat(DEFAULTS.evaluate(PupilSituation.of(old).inSafeguardingCohort(true))).isEmpty();
    }

    @Test
    void aDisabledRuleRaisesNothing() {
        PupilAttendance a = register(LocalDate.of(2025, 9, 12), times(10, "N.N"));
        AlertRules rules = DEFAULTS.with(new AlertRule(AlertId.CONSECUTIVE_ABSENCE_10, false, null));
        assertThat(ids(rules.evaluate(PupilSituation.of(a)))).doesNotContain(AlertId.CONSECUTIVE_ABSENCE_10)
                .contains(AlertId.CONSECUTIVE_UNAUTHORISED_10);
    }

    @Test
    void readsAnLasTableAndSaysWhereItIsWrong() throws Exception {
        AlertRules rules = AlertRules.parse(new StringReader("""
                id,enabled,threshold
                consecutive_absence_10,true,5
                SEVERE_ABSENCE,false,
                """), "rules.csv");
        assertThat(rules.rule(AlertId.CONSECUTIVE_ABSENCE_10).threshold()).isEqualTo(5);
        assertThat(rules.rule(AlertId.SEVERE_ABSENCE).enabled()).isFalse();
        assertThat(rules.rule(AlertId.PERSISTENT_ABSENCE)).isEqualTo(AlertRule.byDefault(AlertId.PERSISTENT_ABSENCE));
        assertThat(rules.notableStreakDays()).isEqualTo(5);

        assertThatThrownBy(() -> AlertRules.parse(new StringReader("id,enabled,threshold\nPA,true,10\n"), "r.csv"))
                .hasMessageContaining("r.csv line 2").hasMessageContaining("unknown alert id 'PA'");
        assertThatThrownBy(() -> AlertRules.parse(new StringReader(
                "id,enabled,threshold\nHEALTH_15_DAYS,true,ten\n"), "r.csv"))
                .hasMessageContaining("r.csv line 2").hasMessageContaining("'ten'");
        assertThatThrownBy(() -> AlertRules.parse(new StringReader(
                "id,enabled,threshold\nHEALTH_15_DAYS,maybe,10\n"), "r.csv"))
                .hasMessageContaining("enabled must be true or false");
    }
}
