package org.rollbridge.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before retry n, wait a random time up to min(max, base x 2^n), so that
 * many schools' agents do not all call back at the same moment after the hub returns.
 *
 * @param attempts how many sends to try in all before leaving a batch for the next run (0: no limit)
 */
public record Backoff(Duration base, Duration max, int attempts) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 8);

    public Duration delayBefore(int retry) {
        long cap = Math.min(max.toMillis(), base.toMillis() << Math.min(retry, 30));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    public boolean another(int triedSoFar) {
        return attempts == 0 || triedSoFar < attempts;
    }
}
