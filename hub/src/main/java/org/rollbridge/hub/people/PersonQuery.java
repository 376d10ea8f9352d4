package org.rollbridge.hub.people;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the LA's person index: which person an identifier leads to. */
@Component
public class PersonQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public PersonQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** The person an identifier leads to, if any. */
    Optional<Long> byIdentifier(String kind, String value) {
        return db.sql("select person_id from person_identifiers where la = ? and kind = ? and value = ?")
                .params(settings.la(), kind, value).query(Long.class).optional();
    }

    /** The person a UPN leads to, as current UPN before former. */
    Optional<Long> byUpn(String upn) {
        return db.sql("select person_id from person_identifiers where la = ? and kind in ('UPN', 'FORMER_UPN') "
                        + "and value = ? order by kind desc limit 1")
                .params(settings.la(), upn).query(Long.class).optional();
    }

    /** Every current and former UPN of the LA with the person it leads to, read at once for a whole-file import. */
    Map<String, Long> personsByUpn() {
        return db.sql("""
                select value, person_id from person_identifiers where la = ? and kind in ('UPN', 'FORMER_UPN')""")
                .param(settings.la()).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
