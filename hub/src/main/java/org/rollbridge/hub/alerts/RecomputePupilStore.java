package org.rollbridge.hub.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /** The pupils waiting at this moment, each once, and the batches that touched them. */
    record Waiting(List<UUID> batches, List<Long> persons) {
        boolean isEmpty() {
            return batches.isEmpty();
        }
    }

    /**
     * Every batch whose pupils wait at this moment and those pupils. A batch's rows commit with its merge, so a
     * batch is here with all its pupils or not at all.
     */
    Waiting waiting() {
        List<UUID> batches = new ArrayList<>();
        Set<Long> persons = new LinkedHashSet<>();
        db.sql("select batch_id, person_id from alert_recompute_pupils order by batch_id").query(rs -> {
            UUID batch = rs.getObject(1, UUID.class);
            if (batches.isEmpty() || !batches.getLast().equals(batch)) {
                batches.add(batch);
            }
            persons.add(rs.getLong(2));
        });
        return new Waiting(batches, List.copyOf(persons));
    }

    /** Once their alerts are recomputed: every pupil these batches touched. */
    void forget(List<UUID> batches) {
        db.sql("delete from alert_recompute_pupils where batch_id = any(?::uuid[])")
                .param(batches.toArray(UUID[]::new)).update();
    }
}
