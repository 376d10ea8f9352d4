package org.rollbridge.national.figures;

import java.util.Arrays;
import java.util.Objects;
import org.rollbridge.core.code.AttendanceCode;

/**
 * One school's attendance over one reporting period: sessions by code and the pupil counts the DfE publishes. Both
 * the Spark aggregation and the plain-Java pass produce these, so they can be compared exactly and rolled up the
 * same way.
 *
 * @param sessions           sessions by {@link AttendanceCode#ordinal()}
 * @param pupils             pupils with at least one mark in the period
 * @param reportable         pupils with at least the DfE's minimum possible sessions
 * @param persistentlyAbsent reportable pupils absent for at least 10% of their possible sessions
 * @param pupilDays          pupil-days with a possible session (their mean over collection days is the enrolment)
 * @param openDays           days on which some pupil had a possible session
 */
public record SchoolTotals(PeriodKind period, String urn, long[] sessions, long pupils, long reportable,
                           long persistentlyAbsent, long pupilDays, long openDays) {

    public SchoolTotals {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(urn, "urn");
        if (sessions.length != AttendanceCode.values().length) {
            throw new IllegalArgumentException("one count per attendance code");
        }
    }

    public long sessions(AttendanceCode code) {
        return sessions[code.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchoolTotals t && period == t.period && urn.equals(t.urn)
                && Arrays.equals(sessions, t.sessions) && pupils == t.pupils && reportable == t.reportable
                && persistentlyAbsent == t.persistentlyAbsent && pupilDays == t.pupilDays && openDays == t.openDays;
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, urn, Arrays.hashCode(sessions), pupils, reportable, persistentlyAbsent);
    }

    @Override
    public String toString() {
        return "SchoolTotals[" + period + " " + urn + " sessions=" + Arrays.toString(sessions) + " pupils=" + pupils
                + " reportable=" + reportable + " pa=" + persistentlyAbsent + " pupilDays=" + pupilDays
                + " openDays=" + openDays + "]";
    }
}
