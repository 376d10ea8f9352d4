package org.rollbridge.hub.people;

import java.util.List;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based statements behind {@link MatchOutcomes}, inside the merge transaction: identifiers learnt from
 * links, held records and review items from the other decisions written on staged pupils.
 */
@Component
public class MatchOutcomeStore {

    /** What the school is asked when no person matches. */
    static final String UNMATCHED = "No person in the LA's records matches this pupil by UPN, ULN, date of birth, "
            + "postcode or name. Please tell the LA whether the child is new to the LA or starting in their first "
            + "setting, and check the UPN, legal names and date of birth in your MIS.";

    private final JdbcClient db;
    private final HubProperties settings;

    public MatchOutcomeStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A UPN (current or former) of a linked staged pupil and the person it was linked to. */
    record Link(String upn, long person) {
    }

    /**
     * The UPNs and former UPNs of the batch's linked pupils under which pupil records are held as unmatched or for
     * review, with the person each was linked to.
     */
    List<Link> linksWithHeld(UUID batchId) {
        return db.sql("""
                select distinct k.upn, s.person_id
                from stage_pupils s cross join lateral unnest(array_prepend(s.upn, s.former_upns)) k(upn)
                where s.batch_id = ? and s.person_id is not null
                  and exists (select 1 from held_records h where h.la = ? and h.upn = k.upn and h.status = 'held'
                              and h.reason in ('UNMATCHED', 'REVIEW'))""")
                .params(batchId, settings.la())
                .query((rs, n) -> new Link(rs.getString(1), rs.getLong(2))).list();
    }

    /**
     * Links made by rules 2-5 teach the index the pupil's UPN (so their attendance and exclusions, which carry only
     * the UPN, follow); every link teaches it a ULN it did not know.
     */
    void recordLinks(UUID stagedAs, UUID batchId) {
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

    /** The UPNs of the batch's linked pupils. */
    List<String> linkedUpns(UUID batchId) {
        return db.sql("select distinct upn from stage_pupils where batch_id = ? and person_id is not null")
                .param(batchId).query(String.class).list();
    }

    /** The held reason for a staged row's decision (alias {@code s}). */
    private static final String REASON = """
            case s.match_decision when 'review' then 'REVIEW' when 'conflict' then 'CONFLICT'
                when 'transfer' then 'TRANSFER' else 'UNMATCHED' end""";
    /** What the held record says, for the school and the LA (alias {@code s}; one parameter: {@link #UNMATCHED}). */
    private static final String DETAIL = """
            case s.match_decision
                when 'review' then 'Possibly a person the LA already knows (' || s.match_reason
                    || '); held until the LA reviews it'
                when 'conflict' then 'The UPN belongs to a person whose date of birth and names disagree ('
                    || s.match_reason || '); held until the LA checks it with the school'
                when 'transfer' then 'held: the LA is confirming this pupil''s move'
                else ? end""";

    /** Holds the batch's unlinked pupils by their matching decision; returns how many were held. */
    int hold(UUID batchId, String laestab) {
        int held = db.sql("insert into held_records (la, batch_id, laestab, feed, location, upn, reason, detail, "
                        + "payload) select ?, s.batch_id, ?, 'ctf', 'pupil ' || (s.seq + 1), s.upn, " + REASON + ", "
                        + DETAIL + ", to_jsonb(s) from stage_pupils s where s.batch_id = ? and s.person_id is null")
                .params(settings.la(), laestab, UNMATCHED, batchId).update();
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
    void rehold(UUID stagedAs) {
        db.sql("update held_records h set reason = " + REASON + ", detail = " + DETAIL
                        + " from stage_pupils s where s.batch_id = ? and h.id = s.seq and s.person_id is null"
                        + " and (s.match_decision <> 'new' or not exists (select 1 from review_queue q"
                        + " where q.held_record_id = h.id and q.status = 'open'))")
                .params(UNMATCHED, stagedAs).update();
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
