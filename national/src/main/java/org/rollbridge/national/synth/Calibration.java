package org.rollbridge.national.synth;

import java.util.List;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.national.figures.DfeColumns;
import org.rollbridge.national.figures.DfeColumns.Column;
import org.rollbridge.national.reference.PublishedFigures;
import org.rollbridge.national.reference.PublishedFigures.Row;

/**
 * What one LA and phase is calibrated to: its published absence rate, persistent absence rate and sessions by code.
 * An LA and phase the DfE suppressed (one school) takes its region's figures for the phase.
 *
 * @param sessionsByCode published sessions by {@link AttendanceCode#ordinal()} (weights for the code mix)
 * @param possible       published possible sessions (the denominator of those weights)
 * @param pupils         published pupils (total_enrolments), or 0 when suppressed
 */
public record Calibration(String laCode, String phase, double absenceRate, double persistentAbsenceRate,
                          long[] sessionsByCode, long possible, long pupils, double schools) {

    public static Calibration of(String laCode, String phase, Row own, Row region) {
        Row rates = own.suppressed("overall_absence_perc") ? region : own;
        long[] byCode = new long[AttendanceCode.values().length];
        for (AttendanceCode c : AttendanceCode.values()) {
            String column = column(c);
            if (column != null && !rates.suppressed(column)) {
                byCode[c.ordinal()] = Math.round(rates.number(column));
            }
        }
        long pupils = own.suppressed("total_enrolments") ? 0 : Math.round(own.number("total_enrolments"));
        double schools = own.suppressed("total_num_schools") ? 1 : own.number("total_num_schools");
        return new Calibration(laCode, phase, rates.number("overall_absence_perc"), rates.number("pa_perc"),
                byCode, Math.round(rates.number("possible_sessions")), pupils, schools);
    }

    public static Calibration of(PublishedFigures published, String laCode, String phase) {
        Row own = published.la(laCode, phase).orElseThrow();
        String region = published.authority(laCode).orElseThrow().regionCode();
        return of(laCode, phase, own, published.region(region, phase).orElseThrow());
    }

    /** The published reason column that counts one code, for the codes that have one. */
    static String column(AttendanceCode code) {
        List<Column> measures = DfeColumns.MEASURES;
        for (Column c : measures) {
            if (c.name().startsWith("reason_") && DfeColumns.countsOnly(c, code)) {
                return c.name();
            }
        }
        return null;
    }
}
