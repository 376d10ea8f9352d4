package org.rollbridge.hub.people;

import java.util.UUID;
import org.rollbridge.hub.ingest.HeldRecords;
import org.springframework.stereotype.Component;

/**
 * Turns the matching outcome written on staged pupils into the LA's records, inside the merge transaction: links
 * become identifiers with their provenance (rule, score, batch); everything else is held with a reason a person
 * can act on, and review and conflict records open review items, one per candidate.
 */
@Component
public class MatchOutcomes {

    private final MatchOutcomeStore store;
    private final HeldRecords held;

    public MatchOutcomes(MatchOutcomeStore store, HeldRecords held) {
        this.store = store;
        this.held = held;
    }

    /**
     * Releases, to the person each staged pupil was linked to (by any rule), everything held under the pupil's UPN
     * or former UPNs in every feed: marks and exclusions sent before the LA knew the UPN, and earlier copies of the
     * record. Runs in the merge transaction before the batch's own rows are written, so these, the latest, win.
     * Returns how many held records were released.
     */
    public int releaseHeldForLinked(UUID batchId) {
        return store.linksWithHeld(batchId).stream().mapToInt(l -> held.releaseFor(l.upn(), l.person())).sum();
    }

    /**
     * Links made by rules 2-5 teach the index the pupil's UPN (so their attendance and exclusions, which carry only
     * the UPN, follow); every link teaches it a ULN it did not know.
     */
    public void recordLinks(UUID stagedAs, UUID batchId) {
        store.recordLinks(stagedAs, batchId);
    }

    /** Records of the school still held from earlier CTFs for pupils this one links are superseded by its own. */
    public int supersedeHeldForLinked(UUID batchId, String laestab) {
        return held.supersedeEarlier(batchId, laestab, "ctf", store.linkedUpns(batchId));
    }

    /** Holds the batch's unlinked pupils by their matching decision; returns how many were held. */
    public int hold(UUID batchId, String laestab) {
        return store.hold(batchId, laestab);
    }

    /**
     * After held records were matched again (staged under {@code stagedAs} with seq = held record id): the ones
     * still not linked get their new reason, and review items for candidates not already open or turned down.
     * A record whose candidates were all turned down becomes unmatched.
     */
    public void rehold(UUID stagedAs) {
        store.rehold(stagedAs);
    }
}
