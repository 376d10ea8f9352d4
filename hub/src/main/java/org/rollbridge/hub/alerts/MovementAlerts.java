package org.rollbridge.hub.alerts;

import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.BatchKind;
import org.rollbridge.hub.ingest.MergeFollowUp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Movement alerts: a pupil who left a school's roll and is on no other roll in the LA is a potential child
 * missing education (LEFT_NO_DESTINATION). Raised inside the merge transaction of the CTF that recorded the leaving
 * (a full CTF ends the spells of pupils missing from it).
 */
@Component
public class MovementAlerts implements MergeFollowUp {

    public static final String LEFT_NO_DESTINATION = "LEFT_NO_DESTINATION";
    private final JdbcClient db;
    private final HubProperties settings;

    public MovementAlerts(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    @Override
    public void merged(Batch batch) {
        if (batch.kind() == BatchKind.CTF) {
            raiseForLeaversOf(batch.id(), batch.laestab());
        }
    }

    /** Raises an alert for each pupil whose spell the batch ended and who has no open spell anywhere. */
    public int raiseForLeaversOf(UUID batchId, String laestab) {
        return db.sql("""
                insert into alert_cases (la, person_id, kind, laestab, detail, raised_by_batch, case_key, first_evidence,
                                         last_evidence, responsible)
                select distinct e.la, e.person_id, ?, e.laestab,
                       'Left the roll of ' || e.laestab || ' on ' || e.to_date || ' and is on no other school roll', ?,
                       'LEFT_NO_DESTINATION|' || e.laestab || '|' || coalesce(p.upn, 'person:' || e.person_id)
                           || '|left:' || e.to_date,
                       e.to_date, e.to_date, 'LA ' || e.la
                from enrolments e
                left join pupils p on p.la = e.la and p.person_id = e.person_id and p.laestab = e.laestab
                where e.ended_batch = ? and e.la = ? and e.laestab = ?
                  and not exists (select 1 from enrolments o where o.la = e.la and o.person_id = e.person_id
                                  and o.to_date is null)
                on conflict do nothing""")
                .params(LEFT_NO_DESTINATION, batchId, batchId, settings.la(), laestab).update();
    }
}
