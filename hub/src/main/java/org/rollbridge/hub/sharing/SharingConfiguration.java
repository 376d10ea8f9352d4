package org.rollbridge.hub.sharing;

import org.rollbridge.hub.SharingSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the agreements as the hub starts, so a file with a mistake stops the start, not a night's delivery. */
@Configuration
class SharingConfiguration {

    @Bean
    Agreements agreements(SharingSettings settings) {
        return Agreements.load(settings.agreements());
    }
}
