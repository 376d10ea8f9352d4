package org.rollbridge.hub.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.AttendanceGroup;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.attendance.YearMarks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The LA's own attendance for the latest academic year it holds marks for: rates overall and by school,
 * persistent (10% or more of possible sessions missed) and severe (50% or more) absence counts.
 */
@Service
public class LaAttendance {

    private final JdbcClient db;
    private final HubProperties settings;

    public LaAttendance(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Sessions counted for one school or the whole LA. */
    public static final class Tally {
        long possible;
        long absent;
        long authorised;
        long unauthorised;
        int pupils;
        int persistent;
        int severe;

        void add(String marks) {
            long p = 0;
            long a = 0;
            for (int i = 0; i < marks.length(); i++) {
                Optional<AttendanceGroup> group = YearMarks.code(marks.charAt(i)).flatMap(AttendanceCode::parse)
                        .map(AttendanceCode::group);
                if (group.isEmpty() || !group.get().possible()) {
                    continue;
                }
                p++;
                if (group.get() == AttendanceGroup.AUTHORISED_ABSENCE) {
                    authorised++;
                    a++;
                } else if (group.get() == AttendanceGroup.UNAUTHORISED_ABSENCE) {
                    unauthorised++;
                    a++;
                }
            }
            possible += p;
            absent += a;
            if (p > 0) {
                pupils++;
                persistent += a * 10 >= p ? 1 : 0;
                severe += a * 2 >= p ? 1 : 0;
            }
        }

        public BigDecimal absence() {
            return rate(absent);
        }

        public BigDecimal authorisedRate() {
            return rate(authorised);
        }

        public BigDecimal unauthorisedRate() {
            return rate(unauthorised);
        }

        public BigDecimal attendance() {
            return possible == 0 ? null : BigDecimal.valueOf(100).subtract(absence());
        }

        public int pupils() {
            return pupils;
        }

        public int persistent() {
            return persistent;
        }

        public int severe() {
            return severe;
        }

        private BigDecimal rate(long count) {
            return possible == 0 ? null : BigDecimal.valueOf(count * 100.0 / possible).setScale(1, RoundingMode.HALF_UP);
        }
    }

    public record Overview(Integer academicYear, Tally la, Map<String, Tally> schools) {
    }

    public Overview overview() {
        Integer year = db.sql("select max(academic_year) from attendance_years where la = ?").param(settings.la())
                .query(Integer.class).optional().orElse(null);
        Tally la = new Tally();
        Map<String, Tally> schools = new TreeMap<>();
        if (year != null) {
            List<Map.Entry<String, String>> rows = db.sql(
                    "select laestab, marks from attendance_years where la = ? and academic_year = ?")
                    .params(settings.la(), year).query((rs, n) -> Map.entry(rs.getString(1).strip(), rs.getString(2)))
                    .list();
            for (Map.Entry<String, String> row : rows) {
                la.add(row.getValue());
                schools.computeIfAbsent(row.getKey(), k -> new Tally()).add(row.getValue());
            }
        }
        return new Overview(year, la, schools);
    }
}
