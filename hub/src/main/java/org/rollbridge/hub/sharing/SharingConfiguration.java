package org.rollbridge.hub.sharing;

import org.rollbridge.hub.SharingSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the agreements as the hub starts, so a file with a mistake stops the start, not a night's delivery. */
@Configuration
class SharingConfiguration {

    @Bean
    Agreements agreements(SharingSettings settings) {
        Agreements agreements = Agreements.load(settings.agreements());
        if (settings.signingSecret().isEmpty()) {
            agreements.all().stream().filter(Agreement::deliversOverHttps).findFirst().ifPresent(a -> {
                throw new IllegalStateException("ROLLBRIDGE_SHARING_SIGNING_SECRET: the " + a.name()
                        + " agreement delivers to " + a.delivery() + ", which needs the secret its deliveries are "
                        + "signed with (docs/sharing.md)");
            });
        }
        return agreements;
    }
}
