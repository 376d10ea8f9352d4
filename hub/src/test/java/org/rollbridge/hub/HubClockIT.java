package org.rollbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.alerts.AlertRecompute;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RunningHub;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The hub's day is London's day. At 23:30 UTC on a summer evening it is already half past midnight the next day in
 * London: a hub asking a UTC clock for "today" would date that night's alerts a day early.
 */
@HubTest(settings = "ROLLBRIDGE_WORKERS=0", beans = HubClockIT.StoppedClock.class)
class HubClockIT {

    /** 23:30 UTC on 30 June 2026, which is 00:30 on 1 July in London (British Summer Time). */
    static final Instant SUMMER_NIGHT = Instant.parse("2026-06-30T23:30:00Z");
    static final LocalDate LONDON_DAY = LocalDate.of(2026, 7, 1);

    /** The hub's clock stopped at {@link #SUMMER_NIGHT}, in London as the hub's own is (given, not scanned). */
    static class StoppedClock {

        @Bean
        @Primary
        Clock stoppedClock() {
            return Clock.fixed(SUMMER_NIGHT, ZoneId.of("Europe/London"));
        }
    }

    static RunningHub hub;

    @Test
    void theHubsOwnClockIsTheOnlyOtherClockAndTellsLondonTime() {
        Map<String, Clock> clocks = new HashMap<>(hub.beans(Clock.class));
        assertThat(clocks.remove("stoppedClock")).isNotNull();
        assertThat(clocks).hasSize(1);
        Clock own = clocks.values().iterator().next();
        assertThat(own.getZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(LocalDate.ofInstant(SUMMER_NIGHT, own.getZone())).isEqualTo(LONDON_DAY);
    }

    @Test
    void alertsAreWorkedOutOnTheClocksDay() {
        assertThat(hub.bean(AlertRecompute.class).today()).isEqualTo(LONDON_DAY);
    }
}
