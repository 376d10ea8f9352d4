package org.rollbridge.hub.exclusions;

import java.util.UUID;
import org.rollbridge.hub.ingest.HeldRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores an exclusion held as unmatched once the LA knows who the pupil is. */
@Component
public class HeldExclusionRelease implements HeldRecords.HeldRelease {

    private final JdbcClient db;
    private final ExclusionsFeed feed;

    public HeldExclusionRelease(JdbcClient db, ExclusionsFeed feed) {
        this.db = db;
        this.feed = feed;
    }

    @Override
    public String feed() {
        return "exclusions";
    }

    @Override
    public void release(UUID batchId, String laestab, String upn, long personId, String payload) {
        UUID releaseId = UUID.randomUUID();
        db.sql("""
                insert into stage_exclusions
                select (jsonb_populate_record(null::stage_exclusions,
                        ?::jsonb || jsonb_build_object('batch_id', ?::text, 'person_id', ?))).*""")
                .params(payload, releaseId.toString(), personId).update();
        feed.applyStaged(releaseId, batchId, laestab);
        db.sql("delete from stage_exclusions where batch_id = ?").param(releaseId).update();
    }
}
