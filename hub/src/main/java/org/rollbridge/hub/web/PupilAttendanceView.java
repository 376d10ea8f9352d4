package org.rollbridge.hub.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceGroup;
import org.rollbridge.core.indicators.AttendanceIndicators;
import org.rollbridge.core.indicators.Enrolment;
import org.rollbridge.core.indicators.IndicatorScope;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilKey;
import org.rollbridge.hub.attendance.AttendanceTallies;
import org.rollbridge.hub.attendance.PupilMarksQuery;
import org.rollbridge.hub.attendance.SchoolWeeksQuery;
import org.rollbridge.hub.attendance.WeekBuckets;
import org.rollbridge.hub.attendance.YearMarks;
import org.springframework.stereotype.Service;

/**
 * A pupil's attendance at each school for one academic year, for the pupil page: a month-by-month calendar of
 * sessions by code group, the same marks as a list, and core's indicators (rates and streaks) over them.
 */
@Service
public class PupilAttendanceView {

    private final PupilMarksQuery marks;
    private final SchoolWeeksQuery schoolWeeks;

    public PupilAttendanceView(PupilMarksQuery marks, SchoolWeeksQuery schoolWeeks) {
        this.marks = marks;
        this.schoolWeeks = schoolWeeks;
    }

    /** How a session is shown: its group's name, the class that colours it, and a short text. */
    public enum Kind {
        PRESENT("Present", "present"), AEA("Approved educational activity", "aea"),
        AUTHORISED("Authorised absence", "authorised"), UNAUTHORISED("Unauthorised absence", "unauthorised"),
        NOT_POSSIBLE("Not a possible session", "not-possible"),
        MISSING("Missing: no mark on a day the school was open", "missing");

        private final String label;
        private final String css;

        Kind(String label, String css) {
            this.label = label;
            this.css = css;
        }

        public String label() {
            return label;
        }

        public String css() {
            return css;
        }

        static Kind of(AttendanceGroup group) {
            return switch (group) {
                case PRESENT -> PRESENT;
                case APPROVED_EDUCATIONAL_ACTIVITY -> AEA;
                case AUTHORISED_ABSENCE -> AUTHORISED;
                case UNAUTHORISED_ABSENCE -> UNAUTHORISED;
                case NOT_POSSIBLE -> NOT_POSSIBLE;
            };
        }
    }

    /** One session's mark: the code as sent ("?" when missing) and how it is shown. */
    public record Mark(String code, Kind kind) {
    }

    /** A weekday of the calendar; marks are null outside the year or on a day with no mark and no school. */
    public record Day(LocalDate date, Mark am, Mark pm) {

        public boolean marked() {
            return am != null || pm != null;
        }
    }

    public record Month(YearMonth month, List<List<Day>> weeks) {
    }

    public record SchoolYear(String laestab, int academicYear, List<Month> months, List<Day> markedDays,
                             PupilAttendance indicators) {

        public BigDecimal absenceRate() {
            return indicators.absenceRate();
        }
    }

    /** The academic years (from 1 August) this pupil has marks for, latest first. */
    public List<Integer> years(long personId) {
        return marks.years(personId);
    }

    public List<SchoolYear> year(long personId, int academicYear, String upn, LocalDate today) {
        List<SchoolYear> out = new ArrayList<>();
        for (PupilMarksQuery.SchoolYear stored : marks.year(personId, academicYear)) {
            out.add(schoolYear(stored.laestab(), academicYear, stored.marks(),
                    schoolWeeks.openWeeks(stored.laestab(), academicYear), upn,
                    new Enrolment(stored.admitted(), stored.left()), today));
        }
        return out;
    }

    static SchoolYear schoolYear(String laestab, int academicYear, String marks, Set<Integer> openWeeks, String upn,
                                 Enrolment enrolment, LocalDate today) {
        WeekBuckets weeks = new WeekBuckets(academicYear);
        LocalDate first = LocalDate.of(academicYear, 9, 1);
        LocalDate last = weeks.end(weeks.count() - 1);
        List<SessionMark> sessionMarks = new ArrayList<>();
        List<Day> marked = new ArrayList<>();
        List<Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            List<List<Day>> rows = new ArrayList<>();
            List<Day> week = null;
            for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                if (week == null || d.getDayOfWeek() == DayOfWeek.MONDAY) {
                    week = new ArrayList<>();
                    for (int pad = 1; pad < d.getDayOfWeek().getValue(); pad++) {
                        week.add(null);
                    }
                    rows.add(week);
                }
                boolean open = openWeeks.contains(weeks.of(d)) && enrolment.onRoll(d) && !d.isAfter(today);
                Mark am = mark(marks, academicYear, d, Session.AM, open);
                Mark pm = mark(marks, academicYear, d, Session.PM, open);
                Day day = new Day(d, am, pm);
                week.add(day);
                if (day.marked()) {
                    marked.add(day);
                }
                for (Session s : Session.values()) {
                    char ch = at(marks, YearMarks.position(d, s));
                    if (ch != YearMarks.NONE) {
                        sessionMarks.add(new SessionMark(d, s, YearMarks.code(ch).orElseThrow()));
                    }
                }
            }
            for (List<Day> w : rows) {
                while (w.size() < 5) {
                    w.add(null);
                }
            }
            months.add(new Month(m, rows));
        }
        LocalDate asOf = today.isAfter(last) ? last : today;
        PupilAttendance indicators = AttendanceIndicators.measure(PupilKey.of(upn == null ? "" : upn, laestab),
                new IndicatorScope(Period.academicYearContaining(first), asOf.isBefore(first) ? first : asOf,
                        enrolment, null, false, IndicatorScope.DEFAULT_NOTABLE_STREAK_DAYS), sessionMarks);
        return new SchoolYear(laestab, academicYear, months, marked, indicators);
    }

    private static Mark mark(String marks, int academicYear, LocalDate day, Session session, boolean open) {
        char ch = at(marks, YearMarks.position(day, session));
        if (ch == YearMarks.NONE) {
            return open ? new Mark("?", Kind.MISSING) : null;
        }
        String code = YearMarks.code(ch).orElseThrow();
        Optional<AttendanceGroup> group = AttendanceTallies.group(ch, day);
        return new Mark(code, group.map(Kind::of).orElse(Kind.NOT_POSSIBLE));
    }

    private static char at(String marks, int position) {
        return position < marks.length() ? marks.charAt(position) : YearMarks.NONE;
    }
}
