package org.rollbridge.hub.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.hub.ingest.HeldRecords;
import org.rollbridge.hub.jobs.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final HeldRematchStore store;
    private final MatchRegisterQuery register;
    private final ReviewQueueStore reviews;
    private final CascadeMatching cascade;
    private final MatchOutcomes outcomes;
    private final PersonIndex persons;
    private final HeldRecords held;
    private final JobQueue jobs;

    public HeldRecordMatching(HeldRematchStore store, MatchRegisterQuery register, ReviewQueueStore reviews,
                              CascadeMatching cascade, MatchOutcomes outcomes, PersonIndex persons, HeldRecords held,
                              JobQueue jobs) {
        this.store = store;
        this.register = register;
        this.reviews = reviews;
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
        return store.heldIds();
    }

    /**
     * Re-matches these held records (those still held as unmatched or for review) in one transaction: the queued
     * follow-up of a register import calls it a slice at a time. With {@code skipLocked}, records a review
     * decision has locked are skipped (not in {@link Result#matched()}), so a slice neither waits for an officer's
     * click nor deadlocks with it; the job comes back to them one at a time.
     */
    @Transactional
    public Result rematchHeld(List<Long> heldIds, boolean skipLocked) {
        return rematch(store.lockHeld(heldIds, skipLocked ? "for update skip locked" : "for update"));
    }

    /**
     * After a review decision or a new person, in the caller's transaction: re-matches only the held records
     * these people could now match (found by the cascade's own rules and blocking keys, see
     * {@link CascadeMatching#couldMatch}); for every other held record nothing the cascade would look at changed.
     */
    @Transactional
    public Result rematchAround(Collection<Long> changedPeople) {
        long started = System.nanoTime();
        List<MatchPerson> pupils = register.heldPupils();
        List<Long> affected = cascade.couldMatch(pupils, changedPeople).stream()
                .map(i -> (long) CascadeMatching.seq(pupils.get(i).id())).toList();
        long chosen = System.nanoTime();
        // Waits for a slice of the import's job holding any of them: one slice is at most a second or so.
        Result r = rematch(store.lockHeld(affected, "for update"));
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
        if (!store.jobWaiting(HeldRematchJob.KIND)) {
            jobs.enqueue(HeldRematchJob.KIND, null);
        }
    }

    /** Re-matches one held pupil record, whatever it was held for (e.g. a conflict a reviewer turned down). */
    @Transactional
    public Result rematchRecord(long heldId) {
        return rematch(store.lockRecord(heldId));
    }

    private Result rematch(List<Long> ids) {
        if (ids.isEmpty()) {
            return new Result(List.of(), 0, 0);
        }
        Long[] heldIds = ids.toArray(Long[]::new);
        UUID stagedAs = UUID.randomUUID();
        store.stage(stagedAs, heldIds);
        Map<Integer, Set<Long>> excluded = store.turnedDown(heldIds);
        cascade.matchStaged(stagedAs, excluded);

        List<HeldRematchStore.Linked> links = store.linked(stagedAs);
        outcomes.rehold(stagedAs);
        store.unstage(stagedAs);
        int released = 0;
        List<Long> linkedIds = new ArrayList<>();
        for (HeldRematchStore.Linked l : links) {
            Double score = l.score() == null ? null : l.score().doubleValue();
            persons.identify(l.person(), "UPN", l.upn(), l.rule(), score, l.batch(), null);
            persons.identify(l.person(), "ULN", l.uln(), l.rule(), score, l.batch(), null);
            if (held.releaseRecord(l.heldId(), l.person())) {
                released++;
            }
            released += held.releaseFor(l.upn(), l.person());
            noteHowMatched(l.person(), l.laestab(), l.rule(), score);
            linkedIds.add(l.heldId());
        }
        reviews.supersedeOpen(linkedIds, "re-matching");
        return new Result(ids, released, ids.size() - links.size());
    }

    /** The pupil page shows how the current record was matched. */
    void noteHowMatched(long person, String laestab, String rule, Double score) {
        store.noteHowMatched(person, laestab, rule, score);
    }
}
