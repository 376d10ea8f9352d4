package org.rollbridge.hub.ingest;

/**
 * Work another capability does inside a batch's merge transaction, right after the feed merged the batch: it
 * commits with the merge or not at all, so a merged batch never misses it. The alerts capability implements it
 * (to raise movement alerts and queue its recompute); ingest knows only this interface, so it depends on no
 * capability that consumes its batches.
 */
public interface MergeFollowUp {

    /** Called in the merge transaction; a failure rolls the merge back and the batch is tried again. */
    void merged(Batch batch);
}
