package org.rollbridge.hub.people;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.HeldRecords;
import org.rollbridge.hub.jobs.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches held pupil records again, through rules 1-5, when the register changes: after a review decision or a
 * new person, at once and only the records the changed person could match; after a register import, all of them
 * in a queued job ({@link HeldRematchJob}). A record that now links is released with everything held under its
 * UPN (attendance marks, exclusions); one that now has candidates goes for review; people a reviewer turned down
 * for a record are never proposed for it again.
 */
@Service
public class HeldRecordMatching {

    private static final Logger log = LoggerFactory.getLogger(HeldRecordMatching.class);
    private final JdbcClient db;
    private final HubProperties settings;
    private final CascadeMatching cascade;
    private final MatchOutcomes outcomes;
    private final PersonIndex persons;
    private final HeldRecords held;
    private final JobQueue jobs;

    public HeldRecordMatching(JdbcClient db, HubProperties settings, CascadeMatching cascade, MatchOutcomes outcomes,
                              PersonIndex persons, HeldRecords held, JobQueue jobs) {
        this.db = db;
        this.settings = settings;
        this.cascade = cascade;
        this.outcomes = outcomes;
        this.persons = persons;
        this.held = held;
        this.jobs = jobs;
    }

    /**
     * What re-matching did: the held records matched again (those still held, and not skipped), how many were
     * released (linked, with what was held under their UPN) and how many are still held.
     */
    public record Result(List<Long> matched, int released, int stillHeld) {
    }

    /** The ids of the pupil records held as unmatched or for review, oldest first. */
    public List<Long> heldIds() {
        return db.sql("select id from held_records where " + REMATCHED + " order by id").param(settings.la())
                .query(Long.class).list();
    }

    /**
     * Re-matches these held records (those still held as unmatched or for review) in one transaction: the queued
     * follow-up of a register import calls it a slice at a time. With {@code skipLocked}, records a review
     * decision has locked are skipped (not in {@link Result#matched()}), so a slice neither waits for an officer's
     * click nor deadlocks with it; the job comes back to them one at a time.
     */
    @Transactional
    public Result rematchHeld(List<Long> heldIds, boolean skipLocked) {
        return rematch(lockHeld(heldIds, skipLocked ? "for update skip locked" : "for update"));
    }

    private List<Long> lockHeld(List<Long> heldIds, String lock) {
        return db.sql("select id from held_records where " + REMATCHED + " and id = any (?) order by id " + lock)
                .params(settings.la(), heldIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /**
     * After a review decision or a new person, in the caller's transaction: re-matches only the held records
     * these people could now match (found by the cascade's own rules and blocking keys, see
     * {@link CascadeMatching#couldMatch}); for every other held record nothing the cascade would look at changed.
     */
    @Transactional
    public Result rematchAround(Collection<Long> changedPeople) {
        long started = System.nanoTime();
        // The payload read once per record (jsonb_to_record), not once per field.
        List<MatchPerson> pupils = db.sql("""
                select h.id as seq, p.upn, p.former_upns, p.uln, p.forename, p.surname,
                       p.record ->> 'preferredForename' as pf, p.record ->> 'preferredSurname' as ps, p.dob, p.sex,
                       p.postcode
                from held_records h cross join lateral jsonb_to_record(h.payload) as p(upn text,
                     former_upns text[], uln text, forename text, surname text, record jsonb, dob date, sex text,
                     postcode text)
                where h.""" + REMATCHED.strip() + " order by h.id").param(settings.la())
                .query((rs, n) -> CascadeMatching.incoming(rs)).list();
        List<Long> affected = cascade.couldMatch(pupils, changedPeople).stream()
                .map(i -> (long) CascadeMatching.seq(pupils.get(i).id())).toList();
        long chosen = System.nanoTime();
        // Waits for a slice of the import's job holding any of them: one slice is at most a second or so.
        Result r = rematch(lockHeld(affected, "for update"));
        log.info("Register changed ({} person(s)): {} of {} held pupil records could now match them, chosen in {} ms, "
                        + "re-matched in {} ms", changedPeople.size(), affected.size(), pupils.size(),
                (chosen - started) / 1_000_000, (System.nanoTime() - chosen) / 1_000_000);
        return r;
    }

    /**
     * Queues the re-matching of every held record, in the caller's transaction (so it is queued exactly when the
     * register change commits). A queued job nobody has started yet will see this change too, so none is added
     * then; one already running (its row locked) may have read the held records before it, so another is.
     */
    public void queueRematch() {
        boolean waiting = !db.sql("select id from jobs where la = ? and kind = ? and status = 'queued' "
                        + "limit 1 for update skip locked").params(settings.la(), HeldRematchJob.KIND)
                .query(Long.class).list().isEmpty();
        if (!waiting) {
            jobs.enqueue(HeldRematchJob.KIND, null);
        }
    }

    /** Re-matches one held pupil record, whatever it was held for (e.g. a conflict a reviewer turned down). */
    @Transactional
    public Result rematchRecord(long heldId) {
        return rematch(db.sql("""
                select id from held_records where la = ? and id = ? and feed = 'ctf' and status = 'held'
                  and reason <> 'ERROR' for update""")
                .params(settings.la(), heldId).query(Long.class).list());
    }

    /** Which held records re-matching is for (alias {@code h} optional; one parameter: the LA). */
    private static final String REMATCHED = " la = ? and feed = 'ctf' and status = 'held' "
            + "and reason in ('UNMATCHED', 'REVIEW')";

    private Result rematch(List<Long> ids) {
        if (ids.isEmpty()) {
            return new Result(List.of(), 0, 0);
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
        held.holdSuppressed(ids);
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
        return new Result(ids, released, ids.size() - links.size());
    }

    /** The pupil page shows how the current record was matched. */
    void noteHowMatched(long person, String laestab, String rule, Double score) {
        db.sql("update pupils set match_rule = ?, match_score = ? where la = ? and person_id = ? and laestab = ?")
                .params(rule, score, settings.la(), person, laestab).update();
    }
}
