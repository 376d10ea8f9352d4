package org.rollbridge.hub.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Takes {@link SchoolLock}s; each is held until the caller's transaction ends. */
@Component
public class TransactionLocks {

    private final JdbcClient db;

    public TransactionLocks(JdbcClient db) {
        this.db = db;
    }

    /** Waits for, then holds until the transaction ends, the lock on one school's rows. */
    public void hold(SchoolLock lock, String laestab) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A school's lock is held by a transaction; there is none here");
        }
        db.sql("select pg_advisory_xact_lock(hashtext(?))").param(lock.key(laestab)).query().singleRow();
    }
}
