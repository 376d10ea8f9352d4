package org.rollbridge.hub.retention;

import org.rollbridge.hub.RetentionSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the retention schedule as the hub starts, so a schedule with a mistake stops the start, not a night run. */
@Configuration
class RetentionConfiguration {

    @Bean
    RetentionSchedule retentionSchedule(RetentionSettings settings) {
        return RetentionSchedule.load(settings.schedule());
    }
}
