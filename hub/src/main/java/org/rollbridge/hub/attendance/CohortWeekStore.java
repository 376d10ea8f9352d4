package org.rollbridge.hub.attendance;

import java.util.List;
import javax.sql.DataSource;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.attendance.CohortWeeks.Group;
import org.rollbridge.hub.store.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes attendance_cohort_weeks and attendance_cohort_built for {@link CohortWeeks}, in the caller's transaction. */
@Component
public class CohortWeekStore {

    private final HubProperties settings;
    private final JdbcClient db;
    private final DataSource dataSource;

    public CohortWeekStore(HubProperties settings, JdbcClient db, DataSource dataSource) {
        this.settings = settings;
        this.db = db;
        this.dataSource = dataSource;
    }

    /** One group's figures as of one week. */
    record Row(int week, Group group, long[] figures) {
    }

    /** Replaces a school-year's rows with these, counted at the school's tally {@code version}. */
    void replace(String laestab, int academicYear, long version, List<Row> rows) {
        db.sql("delete from attendance_cohort_weeks where la = ? and laestab = ? and academic_year = ?")
                .params(settings.la(), laestab, academicYear).update();
        try (CopyRows copy = CopyRows.inTransaction(dataSource, "attendance_cohort_weeks",
                "la, laestab, academic_year, week, looked_after, sen_provision, fsm, figures")) {
            for (Row r : rows) {
                copy.field(settings.la()).field(laestab).field(academicYear).field(r.week())
                        .field(r.group().lookedAfter()).field(r.group().sen().isEmpty() ? " " : r.group().sen())
                        .field(r.group().fsm()).field(text(r.figures())).endRow();
            }
        }
        db.sql("""
                insert into attendance_cohort_built (la, laestab, academic_year, version) values (?, ?, ?, ?)
                on conflict (la, laestab, academic_year) do update set version = excluded.version""")
                .params(settings.la(), laestab, academicYear, version).update();
    }

    private static String text(long[] values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            b.append(i > 0 ? "," : "").append(values[i]);
        }
        return b.append('}').toString();
    }
}
