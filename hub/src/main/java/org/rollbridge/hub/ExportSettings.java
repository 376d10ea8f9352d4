package org.rollbridge.hub;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Exports (docs/exports.md).
 *
 * @param pseudonymKey     the master key the planning exports' pseudonyms are derived from (each purpose's key is
 *                         HMAC-SHA256 of its name under it); at least 32 characters, from a secret store, never
 *                         the repository. Empty: no planning exports
 * @param planningPurposes the LA's planning purposes file; empty for the checked-in default
 */
@ConfigurationProperties("rollbridge.exports")
public record ExportSettings(
        @Variable("ROLLBRIDGE_PSEUDONYM_KEY") String pseudonymKey,
        @Variable("ROLLBRIDGE_PLANNING_PURPOSES") Path planningPurposes) {

    /** The shortest master key taken: 256 bits of printable characters, at least. */
    public static final int SHORTEST_KEY = 32;

    public ExportSettings {
        pseudonymKey = pseudonymKey == null ? "" : pseudonymKey.strip();
        if (!pseudonymKey.isEmpty() && pseudonymKey.length() < SHORTEST_KEY) {
            throw new IllegalArgumentException("ROLLBRIDGE_PSEUDONYM_KEY must be at least " + SHORTEST_KEY
                    + " characters (it was " + pseudonymKey.length() + "); make one with: openssl rand -base64 48");
        }
    }

    /** Never the key itself, which a log of the settings would otherwise print. */
    @Override
    public String toString() {
        return "ExportSettings[pseudonymKey=" + (pseudonymKey.isEmpty() ? "unset" : "set")
                + ", planningPurposes=" + planningPurposes + "]";
    }
}
