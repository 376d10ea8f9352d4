package org.rollbridge.hub.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.indicators.AttendanceTally;
import org.rollbridge.core.indicators.Enrolment;
import org.rollbridge.core.indicators.IndicatorScope;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilKey;
import org.rollbridge.core.indicators.SchoolCalendar;
import org.springframework.stereotype.Service;

/**
 * What a school's own dashboard adds to the figures every dashboard shares ({@link AttendanceFiguresQuery}): the
 * year's rates by year group, the sessions by reason code, and the pupils at risk. Each pupil's year is replayed
 * through core's {@link AttendanceTally}, the calculation the alerts use, so the school sees the same rates and
 * streaks as the LA's officers.
 */
@Service
public class SchoolAttendance {

    /** Attendance from this rate up to {@link #AT_RISK_TO}: either side of the 90% persistent absence line. */
    public static final BigDecimal AT_RISK_FROM = new BigDecimal("88.0");
    public static final BigDecimal AT_RISK_TO = new BigDecimal("92.0");
    /** A current run of this many school days of absence puts a pupil on the list whatever their rate. */
    public static final int AT_RISK_STREAK_DAYS = 3;

    private final SchoolPupilMarksQuery marks;

    public SchoolAttendance(SchoolPupilMarksQuery marks) {
        this.marks = marks;
    }

    /** One year group's sessions this year; the rates are core's. */
    public record YearGroup(String ncYear, int pupils, long possible, long absent, long unauthorised) {
        public BigDecimal absence() {
            return AttendanceFiguresQuery.rate(absent, possible);
        }

        public BigDecimal unauthorisedRate() {
            return AttendanceFiguresQuery.rate(unauthorised, possible);
        }
    }

    /** Sessions recorded with one code this year. */
    public record Reason(String code, String description, String group, long sessions) {
    }

    /** A pupil on the at-risk list, with why. */
    public record AtRisk(long personId, String upn, String name, String ncYear, BigDecimal attendance,
                         int streakDays, LocalDate streakFrom) {
        public boolean nearPersistentAbsence() {
            return attendance != null && attendance.compareTo(AT_RISK_FROM) >= 0
                    && attendance.compareTo(AT_RISK_TO) <= 0;
        }
    }

    public record Dashboard(List<YearGroup> yearGroups, List<Reason> reasons, List<AtRisk> atRisk) {
    }

    public Dashboard of(String laestab, LocalDate asOf) {
        Period year = Period.academicYearContaining(asOf);
        int academicYear = year.from().getYear();
        List<SchoolPupilMarksQuery.PupilYear> pupils = marks.atSchool(laestab, academicYear);
        BitSet open = new BitSet();
        pupils.forEach(p -> YearMarks.openDays(p.marks(), academicYear, open));
        SchoolCalendar calendar = SchoolCalendar.ofOpenDays(open.stream().mapToObj(LocalDate::ofEpochDay).toList());
        Map<String, long[]> groups = new TreeMap<>(Comparator.comparing(SchoolAttendance::yearOrder)
                .thenComparing(Comparator.naturalOrder()));
        Map<AttendanceCode, Long> reasons = new TreeMap<>();
        List<AtRisk> atRisk = new ArrayList<>();
        for (SchoolPupilMarksQuery.PupilYear p : pupils) {
            IndicatorScope scope = new IndicatorScope(year, asOf, new Enrolment(p.admitted(), p.left()), calendar,
                    false, IndicatorScope.DEFAULT_NOTABLE_STREAK_DAYS);
            AttendanceTally tally = new AttendanceTally(PupilKey.of(p.upn(), laestab), scope);
            YearMarks.replay(p.marks(), academicYear, tally);
            PupilAttendance a = tally.result();
            String ncYear = p.ncYear() == null ? "Not recorded" : p.ncYear();
            long[] g = groups.computeIfAbsent(ncYear, k -> new long[4]);
            g[0]++;
            g[1] += a.possibleSessions();
            g[2] += a.absenceSessions();
            g[3] += a.unauthorisedSessions();
            countReasons(p.marks(), academicYear, asOf, reasons);
            BigDecimal rate = a.possibleSessions() >= PupilAttendance.MINIMUM_POSSIBLE_SESSIONS
                    ? AttendanceFiguresQuery.rate(a.possibleSessions() - a.absenceSessions(), a.possibleSessions())
                    : null;
            AtRisk pupil = new AtRisk(p.personId(), p.upn(), (p.forename() + " " + p.surname()).strip(), ncYear, rate,
                    a.currentAbsenceStreak().days(), a.currentAbsenceStreak().start());
            if (pupil.nearPersistentAbsence() || pupil.streakDays() >= AT_RISK_STREAK_DAYS) {
                atRisk.add(pupil);
            }
        }
        atRisk.sort(Comparator.comparing(AtRisk::streakDays).reversed().thenComparing(AtRisk::attendance,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return new Dashboard(groups.entrySet().stream().map(e -> new YearGroup(e.getKey(), (int) e.getValue()[0],
                e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList(),
                reasons.entrySet().stream().map(e -> new Reason(e.getKey().code(), e.getKey().description(),
                        e.getKey().group().name(), e.getValue())).toList(),
                List.copyOf(atRisk));
    }

    /** The absence codes of the year up to the as-of date, counted by code. */
    private static void countReasons(String marks, int academicYear, LocalDate asOf,
                                     Map<AttendanceCode, Long> reasons) {
        for (int i = 0; i < marks.length(); i++) {
            char symbol = marks.charAt(i);
            if (symbol == YearMarks.NONE) {
                continue;
            }
            LocalDate day = YearMarks.dayAt(academicYear, i);
            if (day.isAfter(asOf)) {
                break;
            }
            YearMarks.code(symbol).flatMap(t -> AttendanceCode.interpret(t, day)).filter(AttendanceCode::absence)
                    .ifPresent(code -> reasons.merge(code, 1L, Long::sum));
        }
    }

    /** Reception and the numbered years in school order; anything else after them. */
    private static int yearOrder(String ncYear) {
        if (ncYear.equalsIgnoreCase("R")) {
            return 0;
        }
        try {
            return Integer.parseInt(ncYear.strip());
        } catch (NumberFormatException e) {
            return ncYear.matches("N\\d") ? -1 : 100;
        }
    }
}
