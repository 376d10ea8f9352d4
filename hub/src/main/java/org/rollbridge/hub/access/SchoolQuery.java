package org.rollbridge.hub.access;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The schools the hub knows (the schools table), by LAESTAB with their names. */
@Component
public class SchoolQuery {

    private final JdbcClient db;

    public SchoolQuery(JdbcClient db) {
        this.db = db;
    }

    /** An LA's schools by LAESTAB, in LAESTAB order, with their names (null when none was given). */
    public Map<String, String> ofLa(String la) {
        return names("select laestab, name from schools where la = ? order by laestab", la);
    }

    /** The school itself, when the hub knows it. */
    public Map<String, String> school(String laestab) {
        return names("select laestab, name from schools where laestab = ?", laestab);
    }

    /** The schools an organisation's users may look at here: a school its own, an LA its schools, others none. */
    public Map<String, String> of(Organisation organisation) {
        return switch (organisation.kind()) {
            case SCHOOL -> school(organisation.code());
            case LA -> ofLa(organisation.code());
            default -> Map.of();
        };
    }

    private Map<String, String> names(String sql, String param) {
        Map<String, String> schools = new LinkedHashMap<>();
        db.sql(sql).param(param).query(rs -> {
            schools.put(rs.getString(1).strip(), rs.getString(2));
        });
        return schools;
    }
}
