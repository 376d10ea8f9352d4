package org.rollbridge.hub.people;

import java.util.UUID;

/**
 * Links a batch's staged pupils (stage_pupils) to persons in the LA's index, setting person_id on each staged
 * row it can link and writing the outcome in the match_* columns (rule, score, decision, reason, candidates).
 * Rows left without a person are held back by the merge: for review, as a conflict, or as unmatched.
 */
public interface PupilMatching {

    void match(UUID batchId);
}
