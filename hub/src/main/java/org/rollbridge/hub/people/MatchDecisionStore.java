package org.rollbridge.hub.people;

import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes matching's outcome on staged pupils (the match_* columns of stage_pupils), which the merge acts on. */
@Component
public class MatchDecisionStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public MatchDecisionStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * Rule 1 as one set-based statement: links a staged row (but those in {@code skipped}) when exactly one person
     * holds its UPN and nothing recorded about that person could contradict it (same forename, and the same date of
     * birth or surname). Returns how many rows it linked.
     */
    int linkByUpn(UUID stagedAs, Integer[] skipped) {
        // Each row found is updated through its own ctid (a TID scan), not looked up again by batch and seq: with
        // the batch estimated at one row (staged after the table was last analysed), the lookup was planned as a
        // scan of the whole batch for every row (3.2 s for 2,000 pupils).
        return db.sql("""
                update stage_pupils s set person_id = m.person_id, match_rule = 'UPN', match_decision = 'link'
                from (select s2.ctid as row, min(pi.person_id) as person_id
                      from stage_pupils s2
                      join person_identifiers pi on pi.la = ? and pi.kind in ('UPN', 'FORMER_UPN')
                           and (pi.value = s2.upn or pi.value = any (s2.former_upns))
                      where s2.batch_id = ? and s2.seq <> all (?::int[])
                      group by s2.ctid
                      having count(distinct pi.person_id) = 1) m
                join persons p on p.id = m.person_id
                where s.ctid = m.row and s.batch_id = ?
                  and (p.legal_forename is null
                       or upper(regexp_replace(p.legal_forename, '[^[:alpha:]]', '', 'g'))
                          = upper(regexp_replace(coalesce(s.forename, ''), '[^[:alpha:]]', '', 'g')))
                  and (p.dob is null or p.dob = s.dob or p.legal_surname is null
                       or upper(regexp_replace(p.legal_surname, '[^[:alpha:]]', '', 'g'))
                          = upper(regexp_replace(coalesce(s.surname, ''), '[^[:alpha:]]', '', 'g')))""")
                .params(settings.la(), stagedAs, skipped, stagedAs).update();
    }

    void link(UUID stagedAs, int seq, long person, String rule, Double score) {
        db.sql("""
                update stage_pupils set person_id = ?, match_rule = ?, match_score = ?, match_decision = 'link'
                where batch_id = ? and seq = ?""")
                .params(person, rule, score, stagedAs, seq).update();
    }

    void markNew(UUID stagedAs, int seq, Double score, String reason) {
        db.sql("""
                update stage_pupils set match_decision = 'new', match_score = ?, match_reason = ?
                where batch_id = ? and seq = ?""").params(score, reason, stagedAs, seq).update();
    }

    /** A review or conflict decision with its candidates (JSON: person id, rule, score and field weights each). */
    void propose(UUID stagedAs, int seq, String decision, String rule, Double score, String reason,
                 String candidatesJson) {
        db.sql("""
                update stage_pupils set match_decision = ?, match_rule = ?, match_score = ?, match_reason = ?,
                       match_candidates = ?::jsonb
                where batch_id = ? and seq = ?""")
                .params(decision, rule, score, reason, candidatesJson, stagedAs, seq).update();
    }
}
