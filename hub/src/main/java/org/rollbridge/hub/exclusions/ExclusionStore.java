package org.rollbridge.hub.exclusions;

import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.ReplacedSpan;
import org.rollbridge.hub.ingest.SchoolRollStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exclusions table: staged exclusions upserted by the MIS's exclusion id (or pupil, category and start date),
 * those of unknown pupils held back, and held ones stored once the LA knows the pupil. In the caller's transaction.
 */
@Component
public class ExclusionStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public ExclusionStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Upserts the matched rows staged under {@code stagedAs}, which came from batch {@code batchId}. */
    int applyStaged(UUID stagedAs, UUID batchId, String laestab) {
        return db.sql("""
                insert into exclusions (la, person_id, laestab, exclusion_ref, category, reason, start_date, end_date,
                    sessions, appeal_received, appeal_result, appeal_result_date, reinstatement_date, batch_id)
                select distinct on (exclusion_ref) ?, person_id, ?, exclusion_ref, category, reason, start_date,
                       end_date, sessions, appeal_received, appeal_result, appeal_result_date, reinstatement_date, ?
                from stage_exclusions where batch_id = ? and person_id is not null
                order by exclusion_ref, line desc
                on conflict (la, laestab, exclusion_ref) do update set person_id = excluded.person_id,
                    category = excluded.category, reason = excluded.reason, start_date = excluded.start_date,
                    end_date = excluded.end_date, sessions = excluded.sessions,
                    appeal_received = excluded.appeal_received, appeal_result = excluded.appeal_result,
                    appeal_result_date = excluded.appeal_result_date,
                    reinstatement_date = excluded.reinstatement_date, batch_id = excluded.batch_id,
                    updated_at = now()""")
                .params(settings.la(), laestab, batchId, stagedAs).update();
    }

    /**
     * For a batch that replaces {@code span}: deletes the school's exclusions starting in the span that the batch
     * does not carry (deleted at the school); returns how many.
     */
    int removeUnsent(UUID batchId, String laestab, ReplacedSpan span) {
        return db.sql("""
                delete from exclusions e where e.la = ? and e.laestab = ? and e.start_date between ? and ?
                and not exists (select 1 from stage_exclusions s where s.batch_id = ?
                                and s.exclusion_ref = e.exclusion_ref)""")
                .params(settings.la(), laestab, span.from(), span.to(), batchId).update();
    }

    /**
     * Holds the batch's staged exclusions of pupils not on the school's roll (reason NOT_ON_ROLL, whether or not
     * the LA knows the UPN); returns how many.
     */
    int holdNotOnRoll(UUID batchId, String laestab) {
        return db.sql("""
                insert into held_records (la, batch_id, laestab, feed, location, upn, reason, detail, payload)
                select ?, batch_id, ?, 'exclusions', 'line ' || (line + 1), upn, ?, ?, to_jsonb(s)
                from stage_exclusions s where batch_id = ? and person_id is null""")
                .params(settings.la(), laestab, SchoolRollStore.NOT_ON_ROLL, SchoolRollStore.NOT_ON_ROLL_DETAIL,
                        batchId).update();
    }

    /** Stores an exclusion held as unmatched from batch {@code batchId}, now that its person is known. */
    void releaseHeld(UUID batchId, String laestab, long personId, String payload) {
        // Staged under an id of its own, so the staging rows cannot meet a batch being processed.
        UUID releaseId = UUID.randomUUID();
        db.sql("""
                insert into stage_exclusions
                select (jsonb_populate_record(null::stage_exclusions,
                        ?::jsonb || jsonb_build_object('batch_id', ?::text, 'person_id', ?))).*""")
                .params(payload, releaseId.toString(), personId).update();
        applyStaged(releaseId, batchId, laestab);
        db.sql("delete from stage_exclusions where batch_id = ?").param(releaseId).update();
    }
}
