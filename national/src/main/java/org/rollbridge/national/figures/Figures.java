package org.rollbridge.national.figures;

import static org.rollbridge.core.code.AttendanceGroup.APPROVED_EDUCATIONAL_ACTIVITY;
import static org.rollbridge.core.code.AttendanceGroup.AUTHORISED_ABSENCE;
import static org.rollbridge.core.code.AttendanceGroup.PRESENT;
import static org.rollbridge.core.code.AttendanceGroup.UNAUTHORISED_ABSENCE;

import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.AttendanceGroup;

/** Totals over any set of schools (one school, an LA and phase, a region, England), grouped by core's code list. */
public final class Figures {

    private final long[] sessions = new long[AttendanceCode.values().length];
    private long schools;
    private long pupils;
    private long reportable;
    private long persistentlyAbsent;
    private long pupilDays;
    private long openDays;

    public Figures add(SchoolTotals t) {
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] += t.sessions()[i];
        }
        schools++;
        pupils += t.pupils();
        reportable += t.reportable();
        persistentlyAbsent += t.persistentlyAbsent();
        pupilDays += t.pupilDays();
        openDays += t.openDays();
        return this;
    }

    public long sessions(AttendanceCode code) {
        return sessions[code.ordinal()];
    }

    public long group(AttendanceGroup group) {
        long n = 0;
        for (AttendanceCode c : AttendanceCode.values()) {
            n += c.group() == group ? sessions[c.ordinal()] : 0;
        }
        return n;
    }

    public long present() {
        return group(PRESENT);
    }

    public long approvedActivity() {
        return group(APPROVED_EDUCATIONAL_ACTIVITY);
    }

    public long authorised() {
        return group(AUTHORISED_ABSENCE);
    }

    public long unauthorised() {
        return group(UNAUTHORISED_ABSENCE);
    }

    public long absence() {
        return authorised() + unauthorised();
    }

    public long possible() {
        return present() + approvedActivity() + absence();
    }

    public long schools() {
        return schools;
    }

    public long pupils() {
        return pupils;
    }

    public long reportable() {
        return reportable;
    }

    public long persistentlyAbsent() {
        return persistentlyAbsent;
    }

    public long pupilDays() {
        return pupilDays;
    }

    public long openDays() {
        return openDays;
    }

    /** Absence as a percentage of possible sessions (null with none). */
    public Double absenceRate() {
        return possible() == 0 ? null : 100.0 * absence() / possible();
    }

    /** Persistent absence as a percentage of reportable pupils (null with none). */
    public Double persistentAbsenceRate() {
        return reportable == 0 ? null : 100.0 * persistentlyAbsent / reportable;
    }
}
