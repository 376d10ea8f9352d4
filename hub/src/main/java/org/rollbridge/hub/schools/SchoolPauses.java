package org.rollbridge.hub.schools;

import java.time.Instant;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.SchoolCredentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A school's choice to pause or resume sending, kept as a history with times. While a school is paused its agent
 * sends nothing and the hub refuses new batches from it (HTTP 423, reason school_paused), so that nothing the
 * school held back is processed by mistake.
 */
@Service
public class SchoolPauses {

    private final JdbcClient db;
    private final HubProperties settings;
    private final SchoolCredentials schools;

    public SchoolPauses(JdbcClient db, HubProperties settings, SchoolCredentials schools) {
        this.db = db;
        this.settings = settings;
        this.schools = schools;
    }

    public record State(String laestab, boolean paused, Instant since, String reason) {
    }

    public State record(String laestab, boolean paused, String reason) {
        schools.ensureSchool(laestab);
        Instant at = db.sql("insert into school_pauses (la, laestab, paused, reason) values (?, ?, ?, ?) returning at")
                .params(settings.la(), laestab, paused, reason)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
        return new State(laestab, paused, at, reason);
    }

    public Optional<State> current(String laestab) {
        return db.sql("select paused, at, reason from school_pauses where laestab = ? order by id desc limit 1")
                .param(laestab)
                .query((rs, n) -> new State(laestab, rs.getBoolean(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }

    public boolean paused(String laestab) {
        return current(laestab).map(State::paused).orElse(false);
    }
}
