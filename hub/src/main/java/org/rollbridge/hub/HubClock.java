package org.rollbridge.hub;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's one clock, in the LA's time zone: every "today" (an alert's day, a page's academic year, a pupil's
 * roll) and every "now" asks it. A UTC day would end an hour early in summer, dating the night's work a day early.
 * Tests replace it with a fixed clock of their own marked {@code @Primary}.
 */
@Configuration
public class HubClock {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Bean
    public Clock clock() {
        return Clock.system(LONDON);
    }
}
