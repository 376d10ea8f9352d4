package org.rollbridge.storefixture;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A bulk load below SQL statements: allowed only when named as an exception. */
public class RollLoader {

    private final DataSource dataSource;

    public RollLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean reachable() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        }
    }
}
