package org.rollbridge.core.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A pupil's attendance indicators over a period, as of a date (DfE methodology, see docs/indicators.md).
 *
 * @param possibleSessions     sessions the pupil was expected to attend (present, approved activity or absent)
 * @param attendedSessions     present, including {@code L} (late before the register closed)
 * @param aeaSessions          approved educational activity ({@code K V P W B}, and the old {@code J})
 * @param lateBeforeClose      {@code L} marks
 * @param lateAfterClose       {@code U} marks (counted as unauthorised absence)
 * @param missingSessions      sessions on the school's open days, while on roll, with no mark at all
 * @param unreadableMarks      marks whose code is not an attendance code (ignored; the validator reports them)
 * @param reducedTimetableSessions {@code C2} sessions
 * @param partTimeTimetable    the MIS flags a part-time timetable
 * @param schoolDays           days with at least one possible session for this pupil
 * @param illnessSessionsInYear {@code I} sessions in the academic year containing the as-of date
 * @param notableAbsenceStreaks runs of consecutive absent school days long enough to be alerted on
 * @param lastSchoolDay        the last school day with marks on or before the as-of date (null if none)
 * @param lastUnauthorisedDate the last day with an unauthorised absence session (null if none)
 */
public record PupilAttendance(
        PupilKey key, Period period, LocalDate asOf,
        int possibleSessions, int attendedSessions, int aeaSessions,
        int authorisedSessions, int unauthorisedSessions,
        int lateBeforeClose, int lateAfterClose, int missingSessions, int unreadableMarks,
        int reducedTimetableSessions, boolean partTimeTimetable,
        int schoolDays,
        Streak currentAbsenceStreak, Streak longestAbsenceStreak,
        Streak currentUnauthorisedStreak, Streak longestUnauthorisedStreak,
        List<Streak> notableAbsenceStreaks, List<Streak> notableUnauthorisedStreaks,
        int illnessSessionsInYear,
        LocalDate lastSchoolDay, LocalDate lastUnauthorisedDate) {

    /** DfE publishes rates and bands only for pupils with at least this many possible sessions. */
    public static final int MINIMUM_POSSIBLE_SESSIONS = 20;

    public PupilAttendance {
        notableAbsenceStreaks = List.copyOf(notableAbsenceStreaks);
        notableUnauthorisedStreaks = List.copyOf(notableUnauthorisedStreaks);
    }

    public int absenceSessions() {
        return authorisedSessions + unauthorisedSessions;
    }

    /** Absence as a percentage of possible sessions, 2 decimals rounded half up; null with no possible session. */
    public BigDecimal absenceRate() {
        return percentage(absenceSessions(), possibleSessions);
    }

    public BigDecimal authorisedRate() {
        return percentage(authorisedSessions, possibleSessions);
    }

    public BigDecimal unauthorisedRate() {
        return percentage(unauthorisedSessions, possibleSessions);
    }

    /** Enough possible sessions for the pupil to be counted in PA, SA and the bands. */
    public boolean reportable() {
        return possibleSessions >= MINIMUM_POSSIBLE_SESSIONS;
    }

    /** Absent for at least {@code percent}% of possible sessions, exactly (no rounding), when reportable. */
    public boolean absentAtLeast(int percent) {
        return reportable() && (long) absenceSessions() * 100 >= (long) possibleSessions * percent;
    }

    /** Persistent absence: at least 10% of possible sessions missed. */
    public boolean persistentAbsence() {
        return absentAtLeast(10);
    }

    /** Severe absence: at least 50% of possible sessions missed. */
    public boolean severeAbsence() {
        return absentAtLeast(50);
    }

    /**
     * DfE's 5% band of the exact absence rate, lower bound included, upper excluded ({@code "5-10"} holds 5% up to
     * but not including 10%); 100% falls in {@code "95-100"}. Null below the minimum possible sessions.
     */
    public String absenceBand() {
        if (!reportable()) {
            return null;
        }
        int band = Math.min(19, (int) ((long) absenceSessions() * 20 / possibleSessions));
        return band * 5 + "-" + (band * 5 + 5);
    }

    public boolean reducedTimetable() {
        return partTimeTimetable || reducedTimetableSessions > 0;
    }

    /** School days missed through illness in the academic year: each {@code I} session is half a day. */
    public double illnessDays() {
        return illnessSessionsInYear / 2.0;
    }

    static BigDecimal percentage(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
