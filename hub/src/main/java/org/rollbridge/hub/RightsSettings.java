package org.rollbridge.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * People's rights (docs/retention.md).
 *
 * @param suppressionKey the secret that keys the suppression list's hashes (HMAC-SHA256): without it a hash of a UPN
 *                       could be found again by hashing every possible UPN, so the list would name the people the LA
 *                       erased. Required; it must never change, since a new key forgets every suppression.
 */
@ConfigurationProperties("rollbridge.rights")
public record RightsSettings(@Variable("ROLLBRIDGE_SUPPRESSION_KEY") String suppressionKey) {

    /** Shorter keys are a mistake (a word, a placeholder), not a secret. */
    static final int SHORTEST_KEY = 32;

    public RightsSettings {
        if (suppressionKey == null || suppressionKey.isBlank()) {
            throw new IllegalArgumentException("ROLLBRIDGE_SUPPRESSION_KEY is not set: it keys the hashes of erased "
                    + "people's identifiers; set it to a random value of at least " + SHORTEST_KEY + " characters "
                    + "(e.g. the output of 'openssl rand -hex 32'), kept with the hub's other secrets and never changed");
        }
        if (suppressionKey.length() < SHORTEST_KEY) {
            throw new IllegalArgumentException("ROLLBRIDGE_SUPPRESSION_KEY must be at least " + SHORTEST_KEY
                    + " characters (e.g. the output of 'openssl rand -hex 32'); it was " + suppressionKey.length());
        }
    }

    /** The key is a secret: never in a log or an error. */
    @Override
    public String toString() {
        return "RightsSettings[suppressionKey=(hidden)]";
    }
}
