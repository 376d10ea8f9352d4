package org.rollbridge.hub.schools;

import java.time.Instant;
import java.util.Optional;
import org.rollbridge.hub.access.SchoolCredentials;
import org.springframework.stereotype.Service;

/**
 * A school's choice to pause or resume sending, kept as a history with times. While a school is paused its agent
 * sends nothing and the hub refuses new batches from it (HTTP 423, reason school_paused), so that nothing the
 * school held back is processed by mistake. The history is {@link SchoolPauseStore}'s.
 */
@Service
public class SchoolPauses {

    private final SchoolPauseStore pauses;
    private final SchoolCredentials schools;

    public SchoolPauses(SchoolPauseStore pauses, SchoolCredentials schools) {
        this.pauses = pauses;
        this.schools = schools;
    }

    public record State(String laestab, boolean paused, Instant since, String reason) {
    }

    public State record(String laestab, boolean paused, String reason) {
        schools.ensureSchool(laestab);
        return pauses.add(laestab, paused, reason);
    }

    public Optional<State> current(String laestab) {
        return pauses.newest(laestab);
    }

    public boolean paused(String laestab) {
        return current(laestab).map(State::paused).orElse(false);
    }
}
