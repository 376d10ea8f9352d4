package org.rollbridge.hub.schools;

import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The school_pauses rows: each pause or resume of a school, with its time and reason; the newest counts. */
@Component
public class SchoolPauseStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public SchoolPauseStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Adds a pause or resume, stamped by the database. */
    public SchoolPauses.State add(String laestab, boolean paused, String reason) {
        return db.sql("insert into school_pauses (la, laestab, paused, reason) values (?, ?, ?, ?) returning at")
                .params(settings.la(), laestab, paused, reason)
                .query((rs, n) -> new SchoolPauses.State(laestab, paused, rs.getTimestamp(1).toInstant(), reason))
                .single();
    }

    public Optional<SchoolPauses.State> newest(String laestab) {
        return db.sql("select paused, at, reason from school_pauses where laestab = ? order by id desc limit 1")
                .param(laestab)
                .query((rs, n) -> new SchoolPauses.State(laestab, rs.getBoolean(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)))
                .optional();
    }
}
