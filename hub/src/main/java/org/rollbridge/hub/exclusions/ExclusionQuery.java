package org.rollbridge.hub.exclusions;

import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A pupil's stored suspensions and permanent exclusions, for the read API. */
@Component
public class ExclusionQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public ExclusionQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** One exclusion as the school last sent it (with the MIS's exclusion id when it sent one), and its batch. */
    public record Exclusion(String laestab, String exclusionId, String category, String reason, LocalDate start,
                            LocalDate end, Integer sessions, Boolean appealReceived, String appealResult,
                            LocalDate appealResultDate, LocalDate reinstatementDate, String batch) {
    }

    /** The person's exclusions at every school, by start date. */
    public List<Exclusion> of(long personId) {
        return db.sql("""
                select laestab, case when exclusion_ref like 'mis:%' then substr(exclusion_ref, 5) end, category, reason, start_date, end_date, sessions, appeal_received,
                       appeal_result, appeal_result_date, reinstatement_date, batch_id
                from exclusions where la = ? and person_id = ? order by start_date, laestab, exclusion_ref""")
                .params(settings.la(), personId)
                .query((rs, n) -> new Exclusion(rs.getString(1).strip(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        (Integer) rs.getObject(7), (Boolean) rs.getObject(8), rs.getString(9),
                        rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getString(12)))
                .list();
    }
}
