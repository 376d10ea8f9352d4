package org.rollbridge.hub.people;

import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.HeldRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the matching outcome written on staged pupils into the LA's records, inside the merge transaction: links
 * become identifiers with their provenance (rule, score, batch); everything else is held with a reason a person
 * can act on, and review and conflict records open review items, one per candidate.
 */
@Component
public class MatchOutcomes {

    /**
     * What the school reads of a pupil held unmatched, for review or as a conflict: the same words whichever, so
     * that a held record never tells a school whether the LA knows a UPN or a name and date of birth. What the LA
     * needs to decide (the candidates and why) is on the review items.
     */
    static final String UNCONFIRMED = "held: the LA is confirming who this pupil is. Please check the UPN, legal "
            + "names and date of birth in your MIS, and tell the LA whether the child is new to the LA or starting "
            + "in their first setting.";

    private final JdbcClient db;
    private final HubProperties settings;
    private final HeldRecords held;

    public MatchOutcomes(JdbcClient db, HubProperties settings, HeldRecords held) {
        this.db = db;
        this.settings = settings;
        this.held = held;
    }

    /**
     * Releases, to the person each staged pupil was linked to (by any rule), everything held under the pupil's UPN
     * or former UPNs in every feed: marks and exclusions sent before the LA knew the UPN, and earlier copies of the
     * record. Runs in the merge transaction before the batch's own rows are written, so these, the latest, win.
     * Returns how many held records were released.
     */
    public int releaseHeldForLinked(UUID batchId) {
        record Link(String upn, long person) {
        }
        return db.sql("""
                select distinct k.upn, s.person_id
                from stage_pupils s cross join lateral unnest(array_prepend(s.upn, s.former_upns)) k(upn)
                where s.batch_id = ? and s.person_id is not null
                  and exists (select 1 from held_records h where h.la = ? and h.upn = k.upn and h.status = 'held'
                              and h.reason in ('UNMATCHED', 'REVIEW'))""")
                .params(batchId, settings.la())
                .query((rs, n) -> new Link(rs.getString(1), rs.getLong(2))).list()
                .stream().mapToInt(l -> held.releaseFor(l.upn(), l.person())).sum();
    }

    /**
     * Links made by rules 2-5 teach the index the pupil's UPN (so their attendance and exclusions, which carry only
     * the UPN, follow); every link teaches it a ULN it did not know.
     */
    public void recordLinks(UUID stagedAs, UUID batchId) {
        db.sql("""
                insert into person_identifiers (la, kind, value, person_id, batch_id, rule, score)
                select distinct on (upn) ?, 'UPN', upn, person_id, ?, match_rule, match_score
                from stage_pupils where batch_id = ? and person_id is not null and match_rule is not null
                  and match_rule <> 'UPN'
                order by upn, seq
                on conflict (la, kind, value) do nothing""").params(settings.la(), batchId, stagedAs).update();
        db.sql("""
                insert into person_identifiers (la, kind, value, person_id, batch_id, rule, score)
                select distinct on (uln) ?, 'ULN', uln, person_id, ?, coalesce(match_rule, 'UPN'), match_score
                from stage_pupils where batch_id = ? and person_id is not null and uln is not null
                order by uln, seq
                on conflict (la, kind, value) do nothing""").params(settings.la(), batchId, stagedAs).update();
    }

    /**
     * The school's attendance and exclusions held because their pupils were not on its roll follow the pupils
     * this CTF put on it; runs after the batch's pupils and identifiers are written. Returns how many.
     */
    public int releaseOnRoll(String laestab) {
        return held.releaseOnRoll(laestab);
    }

    /** Records of the school still held from earlier CTFs for pupils this one links are superseded by its own. */
    public int supersedeHeldForLinked(UUID batchId, String laestab) {
        return held.supersedeEarlier(batchId, laestab, "ctf", db.sql("""
                select distinct upn from stage_pupils where batch_id = ? and person_id is not null""")
                .param(batchId).query(String.class).list());
    }

    /** The held reason for a staged row's decision (alias {@code s}). */
    private static final String REASON = """
            case s.match_decision when 'review' then 'REVIEW' when 'conflict' then 'CONFLICT'
                when 'transfer' then 'TRANSFER' else 'UNMATCHED' end""";
    /** What the held record says, for the school and the LA (alias {@code s}; one parameter: {@link #UNCONFIRMED}). */
    private static final String DETAIL = """
            case s.match_decision
                when 'transfer' then 'held: the LA is confirming this pupil''s move'
                else ? end""";

    /** Holds the batch's unlinked pupils by their matching decision; returns how many were held. */
    public int hold(UUID batchId, String laestab) {
        int held = db.sql("insert into held_records (la, batch_id, laestab, feed, location, upn, reason, detail, "
                        + "payload) select ?, s.batch_id, ?, 'ctf', 'pupil ' || (s.seq + 1), s.upn, " + REASON + ", "
                        + DETAIL + ", to_jsonb(s) from stage_pupils s where s.batch_id = ? and s.person_id is null")
                .params(settings.la(), laestab, UNCONFIRMED, batchId).update();
        db.sql("""
                insert into review_queue (la, held_record_id, candidate_person_id, rule, score, why, field_weights)
                select h.la, h.id, (c ->> 'personId')::bigint, c ->> 'rule', (c ->> 'score')::numeric,
                       h.payload ->> 'match_reason', c -> 'weights'
                from held_records h cross join lateral jsonb_array_elements(h.payload -> 'match_candidates') c
                where h.la = ? and h.batch_id = ? and h.feed = 'ctf' and h.status = 'held'
                  and h.reason in ('REVIEW', 'CONFLICT', 'TRANSFER') and jsonb_typeof(h.payload -> 'match_candidates') = 'array'""")
                .params(settings.la(), batchId).update();
        return held;
    }

    /**
     * After held records were matched again (staged under {@code stagedAs} with seq = held record id): the ones
     * still not linked get their new reason, and review items for candidates not already open or turned down.
     * A record whose candidates were all turned down becomes unmatched.
     */
    public void rehold(UUID stagedAs) {
        db.sql("update held_records h set reason = " + REASON + ", detail = " + DETAIL
                        + " from stage_pupils s where s.batch_id = ? and h.id = s.seq and s.person_id is null"
                        + " and (s.match_decision <> 'new' or not exists (select 1 from review_queue q"
                        + " where q.held_record_id = h.id and q.status = 'open'))")
                .params(UNCONFIRMED, stagedAs).update();
        db.sql("""
                insert into review_queue (la, held_record_id, candidate_person_id, rule, score, why, field_weights)
                select ?, s.seq, (c ->> 'personId')::bigint, c ->> 'rule', (c ->> 'score')::numeric, s.match_reason,
                       c -> 'weights'
                from stage_pupils s cross join lateral jsonb_array_elements(s.match_candidates) c
                where s.batch_id = ? and s.person_id is null and s.match_decision in ('review', 'conflict')
                  and not exists (select 1 from review_queue q where q.held_record_id = s.seq
                                  and q.candidate_person_id = (c ->> 'personId')::bigint
                                  and q.status in ('open', 'not_a_match'))""")
                .params(settings.la(), stagedAs).update();
    }
}
