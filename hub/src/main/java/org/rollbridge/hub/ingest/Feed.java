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

    /** @param imported records now in the LA's tables; @param held records held back as unmatched */
    record Merged(int imported, int held) {
    }
}
