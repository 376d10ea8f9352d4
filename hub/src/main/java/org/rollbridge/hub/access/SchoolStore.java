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

    /** The school's name as its latest CTF's header gives it (the hub has no other source of schools' names). */
    public void name(String laestab, String name) {
        db.sql("update schools set name = ? where laestab = ? and name is distinct from ?")
                .params(name, laestab, name).update();
    }

    /** Registers the school under the hub's LA; a school already known is left as it is. */
    public void ensure(String laestab) {
        db.sql("insert into schools (la, laestab) values (?, ?) on conflict (laestab) do nothing")
                .params(settings.la(), laestab).update();
    }

    /** Registers the school if new and records its name, URN and phase as the DfE's establishment file gives them. */
    public void describe(String laestab, String name, String urn, String phase) {
        db.sql("""
                insert into schools (la, laestab, name, urn, phase) values (?, ?, ?, ?, ?)
                on conflict (laestab) do update set name = excluded.name, urn = excluded.urn, phase = excluded.phase""")
                .params(settings.la(), laestab, name, urn, phase).update();
    }
}
