package org.rollbridge.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.RunningHub;

/** ROLLBRIDGE_ALERTS_AS_OF: a hub replaying a past term works its alerts out as of that day. */
class AlertsAsOfIT {

    @Test
    void alertsAreWorkedOutAsOfTheConfiguredDay() throws Exception {
        try (RunningHub replay = RunningHub.start(RunningHub.tempDir(), "--ROLLBRIDGE_WORKERS=0",
                "--ROLLBRIDGE_ALERTS_AS_OF=2024-12-20")) {
            assertThat(replay.bean(AlertRecompute.class).today()).isEqualTo(LocalDate.of(2024, 12, 20));
        }
    }

    @Test
    void aDayThatIsNotADateStopsTheHubWithTheSettingNamed() {
        assertThatThrownBy(() -> RunningHub.start(RunningHub.tempDir(), "--ROLLBRIDGE_WORKERS=0",
                "--ROLLBRIDGE_ALERTS_AS_OF=19/12/2025"))
                .hasStackTraceContaining("ROLLBRIDGE_ALERTS_AS_OF must be a date like 2025-12-19");
    }
}
