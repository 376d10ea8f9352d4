package org.rollbridge.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RunningHub;

/** ROLLBRIDGE_ALERTS_AS_OF: a hub replaying a past term works its alerts out as of that day. */
@HubTest(settings = {"ROLLBRIDGE_WORKERS=0", "ROLLBRIDGE_ALERTS_AS_OF=2024-12-20"})
class AlertsAsOfIT {

    @Test
    void alertsAreWorkedOutAsOfTheConfiguredDay(RunningHub replay) {
        assertThat(replay.bean(AlertRecompute.class).today()).isEqualTo(LocalDate.of(2024, 12, 20));
    }

    /** Starting a hub is what is tested here: a second one, on the database the first has migrated. */
    @Test
    void aDayThatIsNotADateStopsTheHubWithTheSettingNamed(RunningHub replay) {
        assertThatThrownBy(() -> RunningHub.start(replay.database(), new Class<?>[0], RunningHub.tempDir(),
                "--ROLLBRIDGE_WORKERS=0",
                "--ROLLBRIDGE_ALERTS_AS_OF=19/12/2025"))
                .hasStackTraceContaining("ROLLBRIDGE_ALERTS_AS_OF must be a date like 2025-12-19");
    }
}
