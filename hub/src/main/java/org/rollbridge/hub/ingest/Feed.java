package org.rollbridge.hub.ingest;

import java.sql.Connection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How one kind of feed moves through the pipeline. Stage reads the stored file, validates it and COPYs its good
 * records into the feed's staging table; merge moves the matched staged records into the LA's tables inside the
 * caller's transaction and returns how many it imported and how many it held back.
 */
public interface Feed {

    BatchKind kind();

    Staged stage(Batch batch, Connection connection) throws Exception;

    /** Links staged records to persons. */
    void match(Batch batch, JdbcClient db);

    Merged merge(Batch batch, JdbcClient db, Connection connection) throws Exception;

    /** Removes the batch's staging rows. */
    void clear(Batch batch, JdbcClient db);

    /** @param imported records now in the LA's tables; @param held records held back as unmatched */
    record Merged(int imported, int held) {
    }
}
