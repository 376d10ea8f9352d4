package org.rollbridge.archfixture.gamma;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** Finds "today" three wrong ways (what the one-clock rule refuses) and one right way (what it allows). */
public class RollDay {

    public LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public Supplier<Instant> now() {
        return Instant::now;
    }

    public Clock clock() {
        return Clock.systemUTC();
    }

    public LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
