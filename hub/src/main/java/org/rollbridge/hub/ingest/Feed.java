package org.rollbridge.hub.ingest;

/**
 * How one kind of feed moves through the pipeline. Stage reads the stored file, validates it and COPYs its good
 * records into the feed's staging table, in a transaction of its own; merge moves the matched staged records into
 * the LA's tables inside the caller's transaction, under the school's lock, and returns how many it imported and
 * how many it held back. A feed is one of the bulk-load classes that write SQL itself (docs/adr/0008).
 */
public interface Feed {

    BatchKind kind();

    Staged stage(Batch batch);

    /** Links staged records to persons. */
    void match(Batch batch);

    Merged merge(Batch batch);

    /** Removes the batch's staging rows. */
    void clear(Batch batch);

    /**
     * Whether this feed's matching and merge join staged rows with staged rows, so that their plans need the
     * staging tables analysed with the batch in them (the pipeline then analyses them after staging and after
     * matching). A batch id is new to any statistics, so the planner takes an unanalysed batch for one row; a feed
     * whose statements only go from each staged row to the LA's tables by index is planned as well on that (and
     * better: a nested loop from the batch), and need not pay for reading the staging tables twice a batch.
     */
    default boolean joinsStagedRows() {
        return true;
    }

    /** @param imported records now in the LA's tables; @param held records held back as unmatched */
    record Merged(int imported, int held) {
    }
}
