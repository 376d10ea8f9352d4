package org.rollbridge.hub;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Onward sharing (docs/sharing.md).
 *
 * @param agreements the LA's agreements file; empty for the checked-in default
 */
@ConfigurationProperties("rollbridge.sharing")
public record SharingSettings(@Variable("ROLLBRIDGE_SHARING_AGREEMENTS") Path agreements) {
}
