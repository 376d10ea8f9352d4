package org.rollbridge.hub.people;

import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Matching rule 1 only: a staged pupil whose UPN, or one of its former UPNs, is a known identifier. Done in one
 * set-based statement. This is the stand-in until the hub calls the full rules 1-5 cascade of core's matching.
 */
@Component
public class UpnRuleMatching implements PupilMatching {

    private final JdbcClient db;
    private final HubProperties settings;

    public UpnRuleMatching(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    @Override
    public void match(UUID batchId) {
        db.sql("""
                update stage_pupils s set person_id = m.person_id
                from (select distinct on (s2.seq) s2.seq, pi.person_id
                      from stage_pupils s2
                      join person_identifiers pi on pi.la = ? and pi.kind in ('UPN', 'FORMER_UPN')
                           and (pi.value = s2.upn or pi.value = any (s2.former_upns))
                      where s2.batch_id = ?
                      order by s2.seq, (pi.value = s2.upn) desc, (pi.kind = 'UPN') desc) m
                where s.batch_id = ? and s.seq = m.seq""")
                .params(settings.la(), batchId, batchId).update();
    }
}
