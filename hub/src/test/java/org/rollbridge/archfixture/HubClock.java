package org.rollbridge.archfixture;

import java.time.Clock;
import java.time.ZoneId;

/** The fixtures' one clock: the one class the one-clock rule lets ask the system clock. */
public class HubClock {

    public Clock clock() {
        return Clock.system(ZoneId.of("Europe/London"));
    }
}
