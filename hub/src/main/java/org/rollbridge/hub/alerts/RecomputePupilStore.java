package org.rollbridge.hub.alerts;

import java.util.List;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.Batch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** alert_recompute_pupils: the pupils a merged batch touched, kept until their alerts have been recomputed. */
@Component
public class RecomputePupilStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public RecomputePupilStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * In the merge transaction, one statement: the persons of the batch's staged rows and, for a CTF, the leavers
     * whose spells it ended, who are not in its staged rows.
     */
    void remember(Batch batch) {
        String stage = switch (batch.kind()) {
            case ATTENDANCE -> "stage_attendance";
            case EXCLUSIONS -> "stage_exclusions";
            case CTF -> "stage_pupils";
        };
        db.sql("insert into alert_recompute_pupils (batch_id, person_id) select distinct ?::uuid, person_id from ("
                        + " select person_id from " + stage + " where batch_id = ? and person_id is not null"
                        + " union select person_id from enrolments where la = ? and ended_batch = ?) touched"
                        + " on conflict do nothing")
                .params(batch.id(), batch.id(), settings.la(), batch.id()).update();
    }

    List<Long> of(UUID batchId) {
        return db.sql("select person_id from alert_recompute_pupils where batch_id = ?").param(batchId)
                .query(Long.class).list();
    }

    void forget(UUID batchId) {
        db.sql("delete from alert_recompute_pupils where batch_id = ?").param(batchId).update();
    }
}
