package org.rollbridge.hub.alerts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ROLLBRIDGE_ALERTS_AS_OF=YYYY-MM-DD}: alerts are worked out as of that day rather than today. For a hub
 * that replays a past term (the demo's synthetic LA, a trial on last year's files), where "today" would fall
 * outside the marks and no alert could be raised. Unset in production.
 */
@Configuration
@ConditionalOnExpression("'${ROLLBRIDGE_ALERTS_AS_OF:}' != ''")
public class FixedAlertsDay {

    @Bean
    AlertToday alertsAsOf(@Value("${ROLLBRIDGE_ALERTS_AS_OF}") String day) {
        LocalDate date;
        try {
            date = LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ROLLBRIDGE_ALERTS_AS_OF must be a date like 2025-12-19; it was '"
                    + day + "'", e);
        }
        return () -> date;
    }
}
