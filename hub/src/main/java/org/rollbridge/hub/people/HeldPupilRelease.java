package org.rollbridge.hub.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.rollbridge.hub.ingest.HeldRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores a pupil record held as unmatched once the LA knows who the pupil is. */
@Component
public class HeldPupilRelease implements HeldRecords.HeldRelease {

    private final JdbcClient db;
    private final PupilStore pupils;
    private final Clock clock;

    public HeldPupilRelease(JdbcClient db, PupilStore pupils, Clock clock) {
        this.db = db;
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String feed() {
        return "ctf";
    }

    @Override
    public void release(UUID batchId, String laestab, String upn, long personId, String payload) {
        UUID releaseId = UUID.randomUUID();
        db.sql("""
                insert into stage_pupils
                select (jsonb_populate_record(null::stage_pupils,
                        ?::jsonb || jsonb_build_object('batch_id', ?::text, 'person_id', ?, 'match_rule', null,
                                                       'match_score', null))).*""")
                .params(payload, releaseId.toString(), personId).update();
        pupils.applyStaged(releaseId, batchId, laestab, LocalDate.now(clock));
        db.sql("delete from stage_pupils where batch_id = ?").param(releaseId).update();
    }
}
