package org.rollbridge.storefixture;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A query class: where SQL belongs. */
public class RollQuery {

    private final JdbcClient db;

    public RollQuery(JdbcClient db) {
        this.db = db;
    }

    public List<String> schools() {
        return db.sql("select laestab from schools").query(String.class).list();
    }
}
