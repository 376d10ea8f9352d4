package org.rollbridge.hub.store;

import java.util.Map;

/**
 * The PostgreSQL server settings the hub is measured and documented with (docs/hub.md, "PostgreSQL settings"),
 * for a server of two cores and 8 GB or more. An LA's DBA sets them in postgresql.conf; the demo's embedded
 * PostgreSQL starts with them. What the hub needs per transaction it sets itself ({@link BulkTransactions}), so
 * a server left at PostgreSQL's defaults still works, only slower on a large initial load.
 */
public final class ServerSettings {

    /**
     * Fewer checkpoints during an initial load (the default 1GB of WAL is a checkpoint every few schools' marks),
     * and memory for index builds and vacuum; shared_buffers a fraction of a small server's memory.
     */
    public static final Map<String, String> RECOMMENDED = Map.of(
            "shared_buffers", "512MB",
            "max_wal_size", "4GB",
            "checkpoint_timeout", "15min",
            "maintenance_work_mem", "256MB");

    private ServerSettings() {
    }
}
