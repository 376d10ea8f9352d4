package org.rollbridge.hub.people;

import java.util.UUID;

/**
 * Links a batch's staged pupils (stage_pupils) to persons in the LA's index, setting person_id on each staged
 * row it can link. Rows left without a person are held back as unmatched.
 */
public interface PupilMatching {

    void match(UUID batchId);
}
