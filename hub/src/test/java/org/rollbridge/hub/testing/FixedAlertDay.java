package org.rollbridge.hub.testing;

import java.time.LocalDate;
import org.rollbridge.hub.AlertSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Alerts worked out as of a fixed Friday in the autumn term of 2025, whatever today is, as ROLLBRIDGE_ALERTS_AS_OF
 * would. Named by the tests that need it ({@code @HubTest(beans = FixedAlertDay.class)}); not a scanned
 * configuration, so other hubs keep the clock's day.
 */
public class FixedAlertDay {

    public static final LocalDate TODAY = LocalDate.of(2025, 12, 12);

    @Bean
    @Primary
    public AlertSettings alertsAsOfTheFixedDay() {
        return new AlertSettings(TODAY);
    }
}
