package org.rollbridge.storefixture;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A page that runs its own query: what the store rule refuses. */
public class RollPage {

    private final JdbcClient db;

    public RollPage(JdbcClient db) {
        this.db = db;
    }

    public List<String> show() {
        return db.sql("select laestab from schools").query(String.class).list();
    }
}
