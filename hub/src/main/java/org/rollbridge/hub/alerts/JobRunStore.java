package org.rollbridge.hub.alerts;

import java.util.Map;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** job_runs: one row per run of a scheduled job, started and then finished with what it did. */
@Component
public class JobRunStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final HubProperties settings;

    public JobRunStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A run of the named job begins; its id. */
    public long start(String name) {
        return db.sql("insert into job_runs (la, name) values (?, ?) returning id").params(settings.la(), name)
                .query(Long.class).single();
    }

    public void finish(long id, String status, Map<String, Object> detail) {
        db.sql("update job_runs set status = ?, finished_at = now(), detail = ?::jsonb where id = ?")
                .params(status, JSON.writeValueAsString(detail), id).update();
    }
}
