package org.rollbridge.national.figures;

import static org.rollbridge.core.code.AttendanceCode.B;
import static org.rollbridge.core.code.AttendanceCode.C;
import static org.rollbridge.core.code.AttendanceCode.C1;
import static org.rollbridge.core.code.AttendanceCode.C2;
import static org.rollbridge.core.code.AttendanceCode.E;
import static org.rollbridge.core.code.AttendanceCode.G;
import static org.rollbridge.core.code.AttendanceCode.H_LEGACY;
import static org.rollbridge.core.code.AttendanceCode.I;
import static org.rollbridge.core.code.AttendanceCode.J1;
import static org.rollbridge.core.code.AttendanceCode.J_LEGACY;
import static org.rollbridge.core.code.AttendanceCode.K;
import static org.rollbridge.core.code.AttendanceCode.L;
import static org.rollbridge.core.code.AttendanceCode.M;
import static org.rollbridge.core.code.AttendanceCode.N;
import static org.rollbridge.core.code.AttendanceCode.O;
import static org.rollbridge.core.code.AttendanceCode.P;
import static org.rollbridge.core.code.AttendanceCode.PRESENT_AM;
import static org.rollbridge.core.code.AttendanceCode.PRESENT_PM;
import static org.rollbridge.core.code.AttendanceCode.R;
import static org.rollbridge.core.code.AttendanceCode.S;
import static org.rollbridge.core.code.AttendanceCode.T;
import static org.rollbridge.core.code.AttendanceCode.U;
import static org.rollbridge.core.code.AttendanceCode.V;
import static org.rollbridge.core.code.AttendanceCode.W;

import java.util.List;
import java.util.function.ToLongFunction;
import org.rollbridge.core.code.AttendanceCode;

/**
 * The DfE's measure columns (everything after {@code education_phase} but {@code time_identifier}), in the published
 * order, each computed from {@link Figures}. A percentage names the count it is a share of, so disclosure control
 * can suppress the rate of a suppressed count.
 */
public final class DfeColumns {

    /** How a column is printed. */
    public enum Kind {
        /** A mean over collection days, unquoted as published ({@code num_schools}). */
        MEAN_UNQUOTED,
        /** A mean over collection days, quoted ({@code enrolments}). */
        MEAN,
        /** A count of sessions or pupils, quoted. */
        COUNT,
        /** A count of schools, unquoted as published. */
        SCHOOLS,
        /** A percentage of possible sessions (or, for pa_perc, of reportable pupils), quoted. */
        PERCENT
    }

    /**
     * One column; {@code count} is the column's count, or for a percentage the numerator; {@code code} is the one
     * attendance code a reason column counts, if it counts exactly one.
     */
    public record Column(String name, Kind kind, ToLongFunction<Figures> count, AttendanceCode code) {
        Column(String name, Kind kind, ToLongFunction<Figures> count) {
            this(name, kind, count, null);
        }
    }

    private static final ToLongFunction<Figures> POSSIBLE = Figures::possible;

    public static final List<Column> MEASURES = List.of(
            new Column("num_schools", Kind.MEAN_UNQUOTED, Figures::openDays),
            new Column("enrolments", Kind.MEAN, Figures::pupilDays),
            new Column("present_sessions", Kind.COUNT, Figures::present),
            new Column("overall_attendance", Kind.COUNT, f -> f.present() + f.approvedActivity()),
            new Column("approved_educational_activity", Kind.COUNT, Figures::approvedActivity),
            new Column("overall_absence", Kind.COUNT, Figures::absence),
            new Column("authorised_absence", Kind.COUNT, Figures::authorised),
            new Column("unauthorised_absence", Kind.COUNT, Figures::unauthorised),
            new Column("late_sessions", Kind.COUNT, f -> f.sessions(L) + f.sessions(U)),
            new Column("possible_sessions", Kind.COUNT, POSSIBLE),
            code("reason_present_am", PRESENT_AM),
            code("reason_present_pm", PRESENT_PM),
            new Column("reason_present", Kind.COUNT, f -> f.sessions(PRESENT_AM) + f.sessions(PRESENT_PM)),
            code("reason_l_present_late_before_registers_closed", L),
            code("reason_i_authorised_illness", I),
            code("reason_m_authorised_medical_dental", M),
            code("reason_r_authorised_religious_observance", R),
            code("reason_s_authorised_study_leave", S),
            code("reason_t_authorised_mobile_child", T),
            code("reason_h_authorised_holiday", H_LEGACY),
            code("reason_e_authorised_excluded", E),
            code("reason_c_authorised_other", C),
            code("reason_c1_authorised_regulated_performance", C1),
            code("reason_j1_authorised_interview", J1),
            code("reason_c2_authorised_temp_reduced_timetable", C2),
            code("reason_b_aea_education_off_site", B),
            code("reason_j_aea_interview", J_LEGACY),
            code("reason_p_aea_approved_sporting_activity", P),
            code("reason_v_aea_educational_visit_trip", V),
            code("reason_w_aea_work_experience", W),
            code("reason_k_aea_education_arranged_by_la", K),
            code("reason_g_unauthorised_holiday", G),
            code("reason_u_unauthorised_late_after_registers_closed", U),
            code("reason_o_other_unauthorised", O),
            code("reason_n_no_reason_yet", N),
            new Column("total_num_schools", Kind.SCHOOLS, Figures::schools),
            new Column("total_enrolments", Kind.COUNT, Figures::pupils),
            new Column("attendance_perc", Kind.PERCENT, f -> f.present() + f.approvedActivity()),
            new Column("overall_absence_perc", Kind.PERCENT, Figures::absence),
            new Column("authorised_absence_perc", Kind.PERCENT, Figures::authorised),
            new Column("unauthorised_absence_perc", Kind.PERCENT, Figures::unauthorised),
            percent("illness_perc", I),
            percent("appointments_perc", M),
            percent("unauth_hol_perc", G),
            percent("unauth_oth_perc", O),
            percent("unauth_late_registers_closed_perc", U),
            percent("unauth_not_yet_perc", N),
            percent("auth_religious_perc", R),
            percent("auth_study_perc", S),
            percent("auth_mob_perc", T),
            percent("auth_excluded_perc", E),
            percent("auth_performance_perc", C1),
            percent("auth_interview_perc", J1),
            percent("auth_part_time_perc", C2),
            percent("auth_other_perc", C),
            new Column("pa_perc", Kind.PERCENT, Figures::persistentlyAbsent));

    private DfeColumns() {
    }

    private static Column code(String name, AttendanceCode code) {
        return new Column(name, Kind.COUNT, f -> f.sessions(code), code);
    }

    private static Column percent(String name, AttendanceCode code) {
        return new Column(name, Kind.PERCENT, f -> f.sessions(code));
    }

    /** The reason column counting exactly {@code code}. */
    public static boolean countsOnly(Column c, AttendanceCode code) {
        return c.code() == code;
    }

    /** The denominator of a percentage column: pupils for pa_perc, possible sessions otherwise. */
    public static long denominator(Column c, Figures f) {
        return c.name().equals("pa_perc") ? f.reportable() : f.possible();
    }
}
