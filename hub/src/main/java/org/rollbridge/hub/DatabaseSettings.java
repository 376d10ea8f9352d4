package org.rollbridge.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL database that is the system of record.
 *
 * @param poolSize connections; each worker holds one for its job's claim and uses another for the work
 */
@ConfigurationProperties("rollbridge.db")
public record DatabaseSettings(
        @Variable(value = "ROLLBRIDGE_DB_URL", byDefault = "jdbc:postgresql://127.0.0.1:5432/rollbridge") String url,
        @Variable(value = "ROLLBRIDGE_DB_USER", byDefault = "postgres") String user,
        @Variable("ROLLBRIDGE_DB_PASSWORD") String password,
        @Variable(value = "ROLLBRIDGE_DB_POOL_SIZE", byDefault = "12") int poolSize) {

    public DatabaseSettings {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            // Only the scheme is repeated: the rest of a URL may hold a password.
            throw new IllegalArgumentException("ROLLBRIDGE_DB_URL must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/rollbridge; it was one starting '"
                    + String.valueOf(url).split("//", 2)[0] + "'");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("ROLLBRIDGE_DB_POOL_SIZE must be 1 or more; it was " + poolSize);
        }
        password = password == null ? "" : password;
    }
}
