package org.rollbridge.core.indicators;

import java.math.BigDecimal;
import java.util.List;

/**
 * Totals over a report. The absence rate is over every pupil's sessions; the persistent and severe absence rates
 * are over pupils with at least {@value PupilAttendance#MINIMUM_POSSIBLE_SESSIONS} possible sessions, as DfE
 * publishes them. Rates are null when there is nothing to divide by.
 *
 * @param pupils           pupils in the report
 * @param reportablePupils pupils with enough possible sessions to count for persistent and severe absence
 */
public record ReportSummary(int pupils, int reportablePupils, long possibleSessions, long absenceSessions,
                            int persistentlyAbsent, int severelyAbsent) {

    public static ReportSummary of(List<PupilReport> reports) {
        int reportable = 0;
        long possible = 0;
        long absent = 0;
        int pa = 0;
        int sa = 0;
        for (PupilReport r : reports) {
            PupilAttendance a = r.attendance();
            possible += a.possibleSessions();
            absent += a.absenceSessions();
            if (a.reportable()) {
                reportable++;
                pa += a.persistentAbsence() ? 1 : 0;
                sa += a.severeAbsence() ? 1 : 0;
            }
        }
        return new ReportSummary(reports.size(), reportable, possible, absent, pa, sa);
    }

    public BigDecimal absenceRate() {
        return rate(absenceSessions, possibleSessions);
    }

    public BigDecimal persistentAbsenceRate() {
        return rate(persistentlyAbsent, reportablePupils);
    }

    public BigDecimal severeAbsenceRate() {
        return rate(severelyAbsent, reportablePupils);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2,
                java.math.RoundingMode.HALF_UP);
    }
}
