package org.rollbridge.hub.sharing;

import java.time.LocalDate;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery log: one row per file delivered under an agreement for a day, and one more each time the LA resends
 * it; acknowledged when the HTTPS recipient answered 2xx, or when the LA records the recipient's acknowledgement
 * of a folder delivery.
 */
@Component
public class DeliveryStore {

    private final JdbcClient db;
    private final HubProperties settings;

    DeliveryStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Logs a delivered file; false when its first delivery of the day was logged already (a retry). */
    public boolean log(String agreement, LocalDate asOf, String file, String sha256, int rows, boolean acknowledged,
                       boolean resend) {
        return db.sql("""
                insert into share_deliveries (la, agreement, as_of, file, sha256, row_count, acknowledged_at, resend)
                values (?, ?, ?, ?, ?, ?, case when ? then now() end, ?)
                on conflict (la, agreement, as_of, file) where not resend do nothing""")
                .params(settings.la(), agreement, asOf, file, sha256, rows, acknowledged, resend).update() == 1;
    }

    /** How many times the file of the day was resent already. */
    public int resends(String agreement, LocalDate asOf, String file) {
        return db.sql("""
                select count(*) from share_deliveries where la = ? and agreement = ? and as_of = ? and file = ?
                   and resend""").params(settings.la(), agreement, asOf, file).query(Integer.class).single();
    }

    /** Records the recipient's acknowledgement of the day's files not acknowledged yet; how many there were. */
    public int acknowledge(String agreement, LocalDate asOf) {
        return db.sql("""
                update share_deliveries set acknowledged_at = now()
                 where la = ? and agreement = ? and as_of = ? and acknowledged_at is null""")
                .params(settings.la(), agreement, asOf).update();
    }
}
