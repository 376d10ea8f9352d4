package org.rollbridge.hub.jobs;

import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The jobs rows as queued and counted; claiming one is {@link Workers}' own (docs/adr/0003). */
@Component
public class JobStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public JobStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public void add(String kind, UUID batchId) {
        db.sql("insert into jobs (la, kind, batch_id) values (?, ?, ?)").params(settings.la(), kind, batchId).update();
    }

    public long queued() {
        return db.sql("select count(*) from jobs where status = 'queued'").query(Long.class).single();
    }
}
