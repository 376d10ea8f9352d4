package org.rollbridge.hub.access;

import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Adds schools to the schools table, the hub's list of the schools it knows ({@link SchoolQuery} reads it). */
@Component
public class SchoolStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public SchoolStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Registers the school under the hub's LA; a school already known is left as it is. */
    public void ensure(String laestab) {
        db.sql("insert into schools (la, laestab) values (?, ?) on conflict (laestab) do nothing")
                .params(settings.la(), laestab).update();
    }
}
