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

    /**
     * These schools as the pages name them, by LAESTAB: "Estuary Primary (9262001)", or the LAESTAB alone for a
     * school the hub has no name for.
     */
    public Map<String, String> labels(java.util.Collection<String> laestabs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String laestab : laestabs) {
            if (laestab != null && !labels.containsKey(laestab)) {
                labels.put(laestab, label(laestab));
            }
        }
        return labels;
    }

    /** The school as the pages name it: "Estuary Primary (9262001)", or "9262001" when the hub has no name. */
    public String label(String laestab) {
        return label(laestab, school(laestab).get(laestab));
    }

    /** A school as the pages name it: its name and LAESTAB, or the LAESTAB alone when it has no name. */
    public static String label(String laestab, String name) {
        return name == null || name.isBlank() ? laestab : name + " (" + laestab + ")";
    }

    private Map<String, String> names(String sql, String param) {
        Map<String, String> schools = new LinkedHashMap<>();
        db.sql(sql).param(param).query(rs -> {
            schools.put(rs.getString(1).strip(), rs.getString(2));
        });
        return schools;
    }
}
