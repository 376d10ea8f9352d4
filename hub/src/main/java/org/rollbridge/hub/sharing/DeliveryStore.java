package org.rollbridge.hub.sharing;

import java.time.LocalDate;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The delivery log: one row per file delivered under an agreement for a day. */
@Component
public class DeliveryStore {

    private final JdbcClient db;
    private final HubProperties settings;

    DeliveryStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Logs a delivered file; false when the same file of the day was logged already (a retry). */
    public boolean log(String agreement, LocalDate asOf, String file, String sha256, int rows) {
        return db.sql("""
                insert into share_deliveries (la, agreement, as_of, file, sha256, row_count)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(settings.la(), agreement, asOf, file, sha256, rows).update() == 1;
    }
}
