package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.code.SenProvision;

/**
 * Writes one school's register for one pupil, session by session. Day-long absence follows a two-state chain whose
 * long-run share is the pupil's propensity: absences cluster (illness lasts days), start more often in winter, during
 * the school's outbreak weeks and on Mondays and Fridays. On top: family holidays in term time (G), appointments (M),
 * late marks (L, U), religious festivals (R), approved activities, suspensions and exclusions (E, K), part-time
 * timetables (C2), dual registration (D), closures (#, Y) and long unauthorised streaks.
 */
final class AttendancePattern {

    private static final double[] MONTH = {1.25, 1.15, 1.0, 0.9, 0.9, 0.95, 1.05, 1.0, 0.7, 0.9, 1.05, 1.3};
    private static final double[] WEEKDAY = {0, 1.12, 0.95, 0.92, 0.95, 1.12};
    private static final ExclusionReason[] REASONS = ExclusionReason.values();
    private static final double[] REASON_WEIGHTS = {10, 10, 8, 20, 2, 1, 0.5, 0.5, 1, 4, 3, 1, 33, 2, 3, 1};

    private final SchoolCalendar calendar;
    private final School school;
    private final Settings settings;
    private final PhaseTargets targets;
    private final double[] modulation;
    private final double schoolFactor;
    private final int endOfPeriod;
    private final LocalDate snowDay;

    AttendancePattern(School school, SchoolCalendar calendar, Settings settings, PhaseTargets targets,
                      LocalDate snowDay, RandomGenerator r) {
        this.school = school;
        this.calendar = calendar;
        this.settings = settings;
        this.targets = targets;
        this.snowDay = snowDay;
        this.schoolFactor = Math.exp(0.2 * r.nextGaussian() - 0.02);
        int n = calendar.sessionDayCount();
        modulation = new double[n];
        // Two outbreak weeks in winter when illness spreads through the school.
        int outbreak1 = r.nextInt(Math.max(1, n));
        int outbreak2 = r.nextInt(Math.max(1, n));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            LocalDate d = calendar.sessionDay(i);
            double m = MONTH[d.getMonthValue() - 1] * WEEKDAY[d.getDayOfWeek().getValue()];
            if (TermDates.isWinter(d) && (Math.abs(i - outbreak1) < 5 || Math.abs(i - outbreak2) < 5)) {
                m *= 1.6;
            }
            modulation[i] = m;
            sum += m;
        }
        for (int i = 0; i < n; i++) {
            modulation[i] = modulation[i] * n / sum;
        }
        endOfPeriod = calendar.indexOnOrBefore(settings.to());
    }

    /** The pupil's marks, two per session day of the school calendar (0 where not on roll). */
    byte[] marks(Enrolment e, RandomGenerator r, List<ExclusionRecord> exclusions) {
        int n = calendar.sessionDayCount();
        byte[] marks = new byte[2 * n];
        int first = calendar.indexOnOrAfter(e.start);
        int last = e.end == null ? n - 1 : calendar.indexOnOrBefore(e.end);
        if (first > last) {
            return marks;
        }
        Child c = e.child;
        PhaseTargets.Rates t = targets.of(school.phase().ratePhase(c.year));
        if (e.nonStandardJoin && first > 0 && r.nextDouble() < 0.4) {
            marks[2 * (first - 1)] = Mark.Z;
            marks[2 * (first - 1) + 1] = Mark.Z;
        }
        boolean[] excluded = suspensions(e, first, last, r, exclusions);
        int pexFrom = e.permanentExclusion == null ? Integer.MAX_VALUE : calendar.indexOnOrAfter(e.permanentExclusion);
        int streakFrom = e.streakFrom == null ? Integer.MAX_VALUE : calendar.indexOnOrAfter(e.streakFrom);
        double p = Math.min(0.97, c.propensity * schoolFactor);
        double persist = p < 0.2 ? 0.35 : p < 0.5 ? 0.6 : 0.85;
        double start = p * (1 - persist) / (1 - p);
        double appointment = t.appointments() / 100;
        boolean traveller = c.family.origin == Origin.IRISH_TRAVELLER || c.family.origin == Origin.ROMA;
        boolean exams = c.year.ageAtStartOfYear() == 15 || c.year.ageAtStartOfYear() == 17;
        boolean studyLeave = exams && r.nextDouble() < 0.7;
        boolean absentYesterday = false;
        for (int i = first; i <= last; i++) {
            LocalDate d = calendar.sessionDay(i);
            int am = 2 * i;
            int pm = am + 1;
            String closure = calendar.closureCode(i);
            if (closure != null) {
                marks[am] = marks[pm] = Mark.of(closure);
                continue;
            }
            if (e.atOtherSchool(d)) {
                marks[am] = marks[pm] = Mark.D;
                continue;
            }
            if (i >= pexFrom) {
                int day = i - pexFrom;
                // From the sixth school day the LA provides full-time education: the excluding school records K.
                boolean back = e.reinstated && day >= 10;
                if (!back) {
                    marks[am] = marks[pm] = day < 5 ? Mark.E : Mark.K;
                    continue;
                }
            }
            if (excluded[i]) {
                marks[am] = marks[pm] = Mark.E;
                continue;
            }
            if (excluded[n + i]) {
                marks[pm] = Mark.E;
                marks[am] = Mark.AM;
                continue;
            }
            if (i >= streakFrom && i < streakFrom + e.streakDays) {
                byte code = i > endOfPeriod - 4 ? Mark.N : Mark.O;
                marks[am] = marks[pm] = code;
                absentYesterday = true;
                continue;
            }
            if (c.family.holidayFrom != null && !d.isBefore(c.family.holidayFrom) && !d.isAfter(c.family.holidayTo)) {
                marks[am] = marks[pm] = Mark.G;
                continue;
            }
            if (c.family.keepsFestivals && Festivals.observed(c.family.origin, d)) {
                marks[am] = marks[pm] = Mark.R;
                continue;
            }
            if (studyLeave && d.getMonthValue() == 6) {
                marks[am] = marks[pm] = Mark.S;
                continue;
            }
            if (traveller && d.getMonthValue() >= 4 && d.getMonthValue() <= 7 && r.nextDouble() < 0.12) {
                marks[am] = marks[pm] = Mark.T;
                continue;
            }
            if (d.equals(snowDay) && r.nextDouble() < 0.25) {
                marks[am] = marks[pm] = Mark.Y2;
                continue;
            }
            double s = Math.min(1.0, start * modulation[i]);
            boolean absent = r.nextDouble() < (absentYesterday ? persist : s);
            absentYesterday = absent;
            if (absent) {
                double x = r.nextDouble();
                if (x < c.unauthorisedShare) {
                    byte code = i > endOfPeriod - 4 && r.nextDouble() < 0.5 ? Mark.N : Mark.O;
                    marks[am] = marks[pm] = code;
                } else {
                    double y = r.nextDouble();
                    byte code = y < 0.9 ? Mark.I : Mark.C;
                    marks[pm] = code;
                    // Some illness starts during the morning: present AM, sent home.
                    marks[am] = code == Mark.I && r.nextDouble() < 0.08 ? Mark.AM : code;
                }
            } else {
                marks[am] = present(true, c, appointment, exams, d, r);
                marks[pm] = present(false, c, appointment, exams, d, r);
            }
            if (c.mornings) {
                marks[pm] = Mark.X;
            }
            if (e.partTimeFrom != null && !d.isBefore(e.partTimeFrom) && !d.isAfter(e.partTimeTo)) {
                marks[pm] = Mark.C2;
            }
        }
        return marks;
    }

    private byte present(boolean morning, Child c, double appointment, boolean exams, LocalDate d, RandomGenerator r) {
        double x = r.nextDouble();
        if (x < appointment) {
            return Mark.M;
        }
        x -= appointment;
        if (morning) {
            if (x < c.lateAfterClose) {
                return Mark.U;
            }
            x -= c.lateAfterClose;
            if (x < c.lateness) {
                return Mark.L;
            }
            x -= c.lateness;
        }
        if (x < 0.003) {
            return Mark.V;
        }
        if (x < 0.0045) {
            return Mark.P;
        }
        if (x < 0.0055) {
            return Mark.B;
        }
        if (x < 0.006 && school.phase() == Phase.SPECIAL) {
            return r.nextBoolean() ? Mark.Y1 : Mark.Q;
        }
        if (x < 0.0062 && exams && d.getMonthValue() <= 3) {
            return Mark.J1;
        }
        if (x < 0.00625 && c.year.ageAtStartOfYear() >= 14 && d.getMonthValue() >= 6) {
            return Mark.W;
        }
        if (x < 0.00627) {
            return Mark.C1;
        }
        if (x < 0.00628) {
            return Draw.one(r, new byte[][] {{Mark.Y5}, {Mark.Y6}, {Mark.Y7}})[0];
        }
        return morning ? Mark.AM : Mark.PM;
    }

    /**
     * Suspensions during the period: whole days ({@code [i]}) and lunchtime suspensions ({@code [n + i]}), more
     * often for secondary pupils and for those who are often away; each becomes an exclusions feed row.
     */
    private boolean[] suspensions(Enrolment e, int first, int last, RandomGenerator r, List<ExclusionRecord> out) {
        int n = calendar.sessionDayCount();
        boolean[] days = new boolean[2 * n];
        int age = e.child.year.ageAtStartOfYear();
        double perYear = switch (school.phase()) {
            case NURSERY -> 0;
            case PRU -> 0.35;
            case SPECIAL -> 0.08;
            default -> age >= 11 ? 0.10 : age >= 5 ? 0.015 : 0.002;
        };
        double share = (last - first + 1) / 190.0;
        double rate = perYear * share * Math.min(3.0, (0.3 + 10 * e.child.propensity) / 1.0);
        if (e.child.sen != SenProvision.N) {
            rate *= 1.5;
        }
        int count = 0;
        while (r.nextDouble() < rate && count < 4) {
            count++;
            rate *= 0.4;
        }
        for (int k = 0; k < count; k++) {
            int from = first + r.nextInt(last - first + 1);
            ExclusionReason reason = REASONS[Draw.weighted(r, REASON_WEIGHTS)];
            if (r.nextDouble() < 0.06) {
                days[n + from] = true;
                out.add(new ExclusionRecord(e, ExclusionCategory.LNCH, reason, calendar.sessionDay(from),
                        calendar.sessionDay(from), 1, null, null, null, null));
                continue;
            }
            int length = new int[] {1, 1, 1, 2, 2, 3, 3, 5}[r.nextInt(8)];
            int to = Math.min(last, from + length - 1);
            for (int i = from; i <= to; i++) {
                days[i] = true;
            }
            out.add(new ExclusionRecord(e, ExclusionCategory.SUSP, reason, calendar.sessionDay(from),
                    calendar.sessionDay(to), 2 * (to - from + 1), null, null, null, null));
        }
        if (e.permanentExclusion != null && e.status != EnrolStatus.S) {
            LocalDate decided = e.permanentExclusion.plusDays(20 + r.nextInt(15));
            out.add(new ExclusionRecord(e, ExclusionCategory.PERM, e.exclusionReason, e.permanentExclusion, null, null,
                    e.appealReceived, e.appealReceived ? (e.reinstated ? "REINSTATED" : r.nextDouble() < 0.75
                    ? "UPHELD" : "RECONSIDER") : null, e.appealReceived ? decided : null,
                    e.reinstated ? calendar.sessionDay(Math.min(n - 1, calendar.indexOnOrAfter(e.permanentExclusion) + 10))
                            : null));
        }
        return days;
    }
}
