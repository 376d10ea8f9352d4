package org.rollbridge.hub.people;

import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes children's social care's list of cases (social_care_cases), replacing the previous list whole. */
@Component
public class SocialCareStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public SocialCareStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** One child's case as social care's list gives it. */
    record Case(long person, boolean socialWorker, boolean lookedAfter, boolean childProtection, LocalDate start,
                LocalDate end) {
    }

    /** The list now held: these cases and no others, in one transaction. */
    @Transactional
    public void replace(List<Case> cases) {
        db.sql("delete from social_care_cases where la = ?").param(settings.la()).update();
        for (Case c : cases) {
            db.sql("""
                    insert into social_care_cases (la, person_id, social_worker, looked_after, child_protection,
                                                   start_date, end_date) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(settings.la(), c.person(), c.socialWorker(), c.lookedAfter(), c.childProtection(),
                            c.start(), c.end()).update();
        }
    }
}
