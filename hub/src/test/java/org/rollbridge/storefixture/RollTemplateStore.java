package org.rollbridge.storefixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A store that writes SQL a second and a third way (JdbcTemplate, a raw statement): what the one-way rule refuses. */
public class RollTemplateStore {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public RollTemplateStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public List<String> schools() {
        return jdbc.queryForList("select laestab from schools", String.class);
    }

    public void pause(String laestab) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into school_pauses (laestab) values (?)")) {
            ps.setString(1, laestab);
            ps.executeUpdate();
        }
    }
}
