package org.rollbridge.hub.reconciliation;

import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps each school's latest reconciliation (school_reconciliations). */
@Component
public class ReconciliationStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public ReconciliationStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Records the result; a school that already differed keeps the time it started to differ. */
    void record(String laestab, int pupils, int differing, int held) {
        db.sql("""
                insert into school_reconciliations (la, laestab, checked_at, pupils, differing, held, differing_since)
                values (?, ?, now(), ?, ?, ?, case when ? > 0 then now() end)
                on conflict (laestab) do update set checked_at = now(), pupils = excluded.pupils,
                    differing = excluded.differing, held = excluded.held,
                    differing_since = case when excluded.differing = 0 then null
                                           else coalesce(school_reconciliations.differing_since, now()) end""")
                .params(settings.la(), laestab, pupils, differing, held, differing).update();
    }
}
