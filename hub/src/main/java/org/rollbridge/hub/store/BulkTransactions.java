package org.rollbridge.hub.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the hub sets for its own bulk transactions, whatever the server's defaults (docs/hub.md, "PostgreSQL
 * settings"): SET LOCAL, so only the caller's transaction is affected and a pooled connection goes back unchanged.
 */
@Component
public class BulkTransactions {

    /**
     * Memory for each sort and hash of a merge or a recompute: the server's default (4MB) sends a school's sorted
     * merge of a year of marks to disk. Two workers with a few such nodes each stay well under a gigabyte.
     */
    static final String WORK_MEM = "64MB";

    private final JdbcClient db;

    public BulkTransactions(JdbcClient db) {
        this.db = db;
    }

    /**
     * In a transaction whose work is redone if it is lost (a batch's staging or merge, an alerts recompute): its
     * commit does not wait for the WAL to reach disk (synchronous_commit off). The batch it writes is already
     * durable in the upload store, and the job is marked done by a later commit on another connection that does
     * wait, and that flush carries this commit with it; so a crash loses at most work whose job is still queued
     * and is redone. Never for what the hub has just acknowledged to a school (an upload) or a user's decision.
     */
    public void redoable() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Bulk settings are set for a transaction; there is none here");
        }
        db.sql("select set_config('synchronous_commit', 'off', true), set_config('work_mem', ?, true)")
                .param(WORK_MEM).query().singleRow();
    }
}
