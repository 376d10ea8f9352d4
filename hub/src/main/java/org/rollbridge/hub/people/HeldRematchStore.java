package org.rollbridge.hub.people;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements of matching held pupil records again ({@link HeldRecordMatching}): which records are held for it,
 * locking them, staging them under a batch id of their own (seq = held record id) and reading back what linked.
 */
@Component
public class HeldRematchStore {

    /** Which held records re-matching is for (alias {@code h} optional; one parameter: the LA). */
    static final String REMATCHED = " la = ? and feed = 'ctf' and status = 'held' "
            + "and reason in ('UNMATCHED', 'REVIEW')";

    private final JdbcClient db;
    private final HubProperties settings;

    public HeldRematchStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A staged record that now links, with where it was held from. */
    record Linked(long heldId, String upn, String uln, long person, String rule, BigDecimal score, UUID batch,
                  String laestab) {
    }

    /** The ids of the pupil records held as unmatched or for review, oldest first. */
    List<Long> heldIds() {
        return db.sql("select id from held_records where " + REMATCHED + " order by id").param(settings.la())
                .query(Long.class).list();
    }

    /** Locks those of these records still held for re-matching ({@code lock}: the row-locking clause). */
    List<Long> lockHeld(List<Long> heldIds, String lock) {
        return db.sql("select id from held_records where " + REMATCHED + " and id = any (?) order by id " + lock)
                .params(settings.la(), heldIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /** Locks one held pupil record, whatever it was held for but an error; empty when it is not held. */
    List<Long> lockRecord(long heldId) {
        return db.sql("""
                select id from held_records where la = ? and id = ? and feed = 'ctf' and status = 'held'
                  and reason <> 'ERROR' for update""")
                .params(settings.la(), heldId).query(Long.class).list();
    }

    /**
     * Whether a job of this kind is queued and not yet started (a started one holds its row locked, so it is
     * skipped here).
     */
    boolean jobWaiting(String kind) {
        return !db.sql("select id from jobs where la = ? and kind = ? and status = 'queued' "
                        + "limit 1 for update skip locked").params(settings.la(), kind)
                .query(Long.class).list().isEmpty();
    }

    /** Stages these held records again under {@code stagedAs}, seq = held record id, the earlier outcome cleared. */
    void stage(UUID stagedAs, Long[] heldIds) {
        db.sql("""
                insert into stage_pupils
                select (jsonb_populate_record(null::stage_pupils, h.payload || jsonb_build_object(
                        'batch_id', ?::text, 'seq', h.id, 'person_id', null, 'match_rule', null, 'match_score', null,
                        'match_decision', null, 'match_reason', null, 'match_candidates', null))).*
                from held_records h where h.id = any (?)""").params(stagedAs.toString(), heldIds).update();
    }

    /** By held record id (the staged seq): the people a reviewer said are not that pupil. */
    Map<Integer, Set<Long>> turnedDown(Long[] heldIds) {
        Map<Integer, Set<Long>> excluded = new HashMap<>();
        db.sql("""
                select held_record_id, candidate_person_id from review_queue
                where held_record_id = any (?) and status = 'not_a_match' and candidate_person_id is not null""")
                .param(heldIds).query((rs, n) -> excluded.computeIfAbsent(rs.getInt(1), k -> new HashSet<>())
                        .add(rs.getLong(2))).list();
        return excluded;
    }

    /** The records staged under {@code stagedAs} that now link, by held record id. */
    List<Linked> linked(UUID stagedAs) {
        return db.sql("""
                select s.seq, s.upn, s.uln, s.person_id, s.match_rule, s.match_score, h.batch_id, h.laestab
                from stage_pupils s join held_records h on h.id = s.seq
                where s.batch_id = ? and s.person_id is not null order by s.seq""")
                .param(stagedAs).query((rs, n) -> new Linked(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getBigDecimal(6), rs.getObject(7, UUID.class),
                        rs.getString(8))).list();
    }

    void unstage(UUID stagedAs) {
        db.sql("delete from stage_pupils where batch_id = ?").param(stagedAs).update();
    }

    /** The pupil page shows how the current record was matched. */
    void noteHowMatched(long person, String laestab, String rule, Double score) {
        db.sql("update pupils set match_rule = ?, match_score = ? where la = ? and person_id = ? and laestab = ?")
                .params(rule, score, settings.la(), person, laestab).update();
    }
}
