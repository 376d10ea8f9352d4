package org.rollbridge.hub;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

/**
 * The hub as a whole: whose data it holds, where it listens and who administers it.
 *
 * @param la the LA code every row carries
 * @param port the HTTP port; 0 picks a free one
 * @param adminToken the shared administrator token, for setting the hub up; empty disables it
 * @param adminTokenScope what the shared token may do: BOOTSTRAP (personal tokens, school credentials, operations
 *                        endpoints) or FULL (everything an administrator may, as one shared actor)
 * @param rulesFile the LA's validation rule severities; empty means the catalogue's own
 * @param shutdownGrace how long a stopping hub waits for requests in flight
 * @param logLevel the root log level
 */
@ConfigurationProperties("rollbridge")
public record HubProperties(
        @Variable(value = "ROLLBRIDGE_LA", byDefault = "926") String la,
        @Variable(value = "ROLLBRIDGE_PORT", byDefault = "8080") int port,
        @Variable("ROLLBRIDGE_ADMIN_TOKEN") String adminToken,
        @Variable(value = "ROLLBRIDGE_ADMIN_TOKEN_SCOPE", byDefault = "BOOTSTRAP") AdminTokenScope adminTokenScope,
        @Variable("ROLLBRIDGE_RULES_FILE") Path rulesFile,
        @Variable(value = "ROLLBRIDGE_SHUTDOWN_GRACE", byDefault = "30s") Duration shutdownGrace,
        @Variable(value = "ROLLBRIDGE_LOG_LEVEL", byDefault = "INFO") LogLevel logLevel) {

    public HubProperties {
        if (la == null || !la.matches("\\d{3}")) {
            throw new IllegalArgumentException("ROLLBRIDGE_LA must be a 3-digit LA code, e.g. 926; it was '"
                    + la + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("ROLLBRIDGE_PORT must be a port number from 0 to 65535; it was " + port);
        }
        HubSettings.requireNotNegative("ROLLBRIDGE_SHUTDOWN_GRACE", shutdownGrace);
        adminToken = adminToken == null ? "" : adminToken;
    }
}
