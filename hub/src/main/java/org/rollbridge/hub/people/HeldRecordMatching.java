package org.rollbridge.hub.people;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches held pupil records again, through rules 1-5, when the register changes (a register import, a review
 * decision, a new person): a record that now links is released with everything held under its UPN (attendance
 * marks, exclusions); one that now has candidates goes for review; people a reviewer turned down for a record are
 * never proposed for it again.
 */
@Service
public class HeldRecordMatching {

    private final JdbcClient db;
    private final HubProperties settings;
    private final CascadeMatching cascade;
    private final MatchOutcomes outcomes;
    private final PersonIndex persons;
    private final HeldRecords held;

    public HeldRecordMatching(JdbcClient db, HubProperties settings, CascadeMatching cascade, MatchOutcomes outcomes,
                              PersonIndex persons, HeldRecords held) {
        this.db = db;
        this.settings = settings;
        this.cascade = cascade;
        this.outcomes = outcomes;
        this.persons = persons;
        this.held = held;
    }

    /** What re-matching did: held records released (linked), and how many are still held. */
    public record Result(int matched, int released, int stillHeld) {
    }

    /** Re-matches every pupil record held as unmatched or for review. */
    @Transactional
    public Result rematchHeld() {
        return rematch(db.sql("""
                select id from held_records where la = ? and feed = 'ctf' and status = 'held'
                  and reason in ('UNMATCHED', 'REVIEW') order by id for update""")
                .param(settings.la()).query(Long.class).list());
    }

    /** Re-matches one held pupil record, whatever it was held for (e.g. a conflict a reviewer turned down). */
    @Transactional
    public Result rematchRecord(long heldId) {
        return rematch(db.sql("""
                select id from held_records where la = ? and id = ? and feed = 'ctf' and status = 'held'
                  and reason <> 'ERROR' for update""")
                .params(settings.la(), heldId).query(Long.class).list());
    }

    private Result rematch(List<Long> ids) {
        if (ids.isEmpty()) {
            return new Result(0, 0, 0);
        }
        Long[] heldIds = ids.toArray(Long[]::new);
        UUID stagedAs = UUID.randomUUID();
        // Staged again under a batch id of their own, seq = held record id, the earlier outcome cleared.
        db.sql("""
                insert into stage_pupils
                select (jsonb_populate_record(null::stage_pupils, h.payload || jsonb_build_object(
                        'batch_id', ?::text, 'seq', h.id, 'person_id', null, 'match_rule', null, 'match_score', null,
                        'match_decision', null, 'match_reason', null, 'match_candidates', null))).*
                from held_records h where h.id = any (?)""").params(stagedAs.toString(), heldIds).update();
        Map<Integer, Set<Long>> excluded = new HashMap<>();
        db.sql("""
                select held_record_id, candidate_person_id from review_queue
                where held_record_id = any (?) and status = 'not_a_match' and candidate_person_id is not null""")
                .param(heldIds).query((rs, n) -> excluded.computeIfAbsent(rs.getInt(1), k -> new HashSet<>())
                        .add(rs.getLong(2))).list();
        cascade.matchStaged(stagedAs, excluded);

        record Linked(long heldId, String upn, String uln, long person, String rule, BigDecimal score, UUID batch,
                      String laestab) {
        }
        List<Linked> links = db.sql("""
                select s.seq, s.upn, s.uln, s.person_id, s.match_rule, s.match_score, h.batch_id, h.laestab
                from stage_pupils s join held_records h on h.id = s.seq
                where s.batch_id = ? and s.person_id is not null order by s.seq""")
                .param(stagedAs).query((rs, n) -> new Linked(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getBigDecimal(6), rs.getObject(7, UUID.class),
                        rs.getString(8))).list();
        outcomes.rehold(stagedAs);
        db.sql("delete from stage_pupils where batch_id = ?").param(stagedAs).update();
        int released = 0;
        List<Long> linkedIds = new ArrayList<>();
        for (Linked l : links) {
            Double score = l.score == null ? null : l.score.doubleValue();
            persons.identify(l.person, "UPN", l.upn, l.rule, score, l.batch, null);
            persons.identify(l.person, "ULN", l.uln, l.rule, score, l.batch, null);
            if (held.releaseRecord(l.heldId, l.person)) {
                released++;
            }
            released += held.releaseFor(l.upn, l.person);
            noteHowMatched(l.person, l.laestab, l.rule, score);
            linkedIds.add(l.heldId);
        }
        db.sql("""
                update review_queue set status = 'superseded', decided_by = 're-matching', decided_at = now()
                where held_record_id = any (?) and status = 'open'""").param(linkedIds.toArray(Long[]::new)).update();
        return new Result(ids.size(), released, ids.size() - links.size());
    }

    /** The pupil page shows how the current record was matched. */
    void noteHowMatched(long person, String laestab, String rule, Double score) {
        db.sql("update pupils set match_rule = ?, match_score = ? where la = ? and person_id = ? and laestab = ?")
                .params(rule, score, settings.la(), person, laestab).update();
    }
}
