package org.rollbridge.hub.alerts;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilExclusions;
import org.rollbridge.core.indicators.Streak;
import org.rollbridge.core.indicators.alerts.Alert;
import org.rollbridge.core.indicators.alerts.AlertId;

/**
 * What the hub keeps beside each alert the core rules raise: the figure an officer reads first (a streak's length,
 * an absence rate), who must act, and the date by which the law expects action, where it sets one.
 */
final class AlertKinds {

    private AlertKinds() {
    }

    /** The figure and its unit; null figure when the alert has none. */
    record Figure(BigDecimal value, String unit) {
    }

    static Figure figure(Alert alert, PupilAttendance a, PupilExclusions x) {
        return switch (alert.id()) {
            case CONSECUTIVE_ABSENCE_10 -> streak(alert, a == null ? null : a.notableAbsenceStreaks());
            case CONSECUTIVE_UNAUTHORISED_10 -> streak(alert, a == null ? null : a.notableUnauthorisedStreaks());
            case PERSISTENT_ABSENCE, SEVERE_ABSENCE -> new Figure(a.absenceRate(), "% of possible sessions absent");
            case REDUCED_TIMETABLE -> new Figure(BigDecimal.valueOf(a.reducedTimetableSessions()), "C2 sessions");
            case HEALTH_15_DAYS -> new Figure(BigDecimal.valueOf(a.illnessDays()), "school days of illness");
            case SUSPENSIONS_OVER_15_DAYS -> new Figure(BigDecimal.valueOf(x.suspensionDaysThisTerm()),
                    "school days suspended this term");
            case COHORT_ABSENCE -> a.currentAbsenceStreak().isNone() ? new Figure(null, null)
                    : new Figure(BigDecimal.valueOf(a.currentAbsenceStreak().days()), "consecutive school days absent");
            default -> new Figure(null, null);
        };
    }

    private static Figure streak(Alert alert, java.util.List<Streak> runs) {
        if (runs != null) {
            for (Streak run : runs) {
                if (alert.situation().equals("from:" + run.start())) {
                    return new Figure(BigDecimal.valueOf(run.days()), "consecutive school days");
                }
            }
        }
        return new Figure(null, null);
    }

    /** The first day of the evidence: a streak's first day, else the day the situation was seen. */
    static LocalDate firstEvidence(Alert alert) {
        String s = alert.situation();
        int colon = s.indexOf(':');
        if (colon > 0 && s.length() - colon - 1 == 10 && !s.startsWith("period:")) {
            try {
                return LocalDate.parse(s.substring(colon + 1));
            } catch (java.time.DateTimeException e) {
                return alert.observedOn();
            }
        }
        return alert.observedOn();
    }

    /** The sixth school day of a permanent exclusion is the LA's s19 duty date; other alerts carry no legal date. */
    static LocalDate dueOn(Alert alert) {
        return alert.id() == AlertId.PERMANENT_EXCLUSION_DAY_6 ? alert.observedOn() : null;
    }

    /**
     * The service level: days from a case being raised by which an officer should have acted on it, where the law
     * sets no date (docs/hub.md, "Service levels"). They follow the statutory guidance where it gives a time (the
     * sixth day for s19 education in illness, fifteen school days for a governing board to consider reinstatement,
     * about ten school days of enquiries for a child missing education) and the LA's usual practice otherwise.
     */
    static int serviceDays(AlertId id) {
        return switch (id) {
            case CONSECUTIVE_ABSENCE_10, CONSECUTIVE_UNAUTHORISED_10, HEALTH_15_DAYS, COHORT_ABSENCE -> 5;
            case SEVERE_ABSENCE, REDUCED_TIMETABLE -> 10;
            case LEFT_NO_DESTINATION -> 14;
            case SUSPENSIONS_OVER_15_DAYS -> 21;
            case PERSISTENT_ABSENCE, NEW_TO_ROLL_NON_STANDARD -> 20;
            case PERMANENT_EXCLUSION_DAY_6 -> 0;
        };
    }

    /**
     * A case's due date in SQL over alert_cases: the date in law where there is one ({@link #dueOn}), else the day
     * it was raised (in London) plus its kind's service level, so cases raised before a level changed follow it.
     */
    static String dueSql() {
        StringBuilder days = new StringBuilder("case kind");
        for (AlertId id : AlertId.values()) {
            days.append(" when '").append(id.name()).append("' then ").append(serviceDays(id));
        }
        return "coalesce(due_on, (raised_at at time zone 'Europe/London')::date + " + days + " end)";
    }

    /**
     * Who must act: the school's governing board on suspensions (it must consider reinstatement), the LA on
     * everything else (s19 education, children missing education, attendance support).
     */
    static String responsible(AlertId id, String la, String laestab) {
        return id == AlertId.SUSPENSIONS_OVER_15_DAYS ? "school " + laestab : "LA " + la;
    }
}
