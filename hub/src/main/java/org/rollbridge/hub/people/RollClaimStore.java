package org.rollbridge.hub.people;

import java.time.LocalDate;
import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.VisibilitySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Roll claims: a school's record that would enrol a pupil on another school's roll (or who left it within the
 * schools' tail window without that school sending the leaving) is not linked but held as a transfer, with the
 * person as the one review candidate, so no school gains a pupil, and sight of them, until the LA confirms the move.
 * A dual registration is no move (DOMAIN.md, enrolment status): a subsidiary registration (S) never claims the
 * pupil, and a main one (M) does not while the other school's record is itself dual (M or S); a main registration
 * of a pupil single-registered elsewhere (C) is held as a move like any other.
 */
@Component
public class RollClaimStore {

    private final JdbcClient db;
    private final HubProperties settings;
    private final int tailDays;

    public RollClaimStore(JdbcClient db, HubProperties settings, VisibilitySettings visibility) {
        this.db = db;
        this.settings = settings;
        this.tailDays = visibility.schoolTailDays();
    }

    /** Unlinks the matched rows staged under {@code stagedAs} that claim another school's pupil; returns how many. */
    public int holdClaims(UUID stagedAs, String laestab, LocalDate today) {
        return db.sql("""
                update stage_pupils s set match_decision = 'transfer',
                       match_reason = 'on another school''s roll: the LA confirms the move',
                       match_candidates = jsonb_build_array(jsonb_build_object('personId', s.person_id,
                           'rule', coalesce(s.match_rule, 'UPN'), 'score', s.match_score)),
                       person_id = null
                where s.batch_id = ? and s.person_id is not null and s.leaving_date is null
                  and s.enrol_status is distinct from 'S'
                  and not exists (select 1 from enrolments mine where mine.la = ? and mine.person_id = s.person_id
                                  and mine.laestab = ? and mine.to_date is null)
                  and exists (select 1 from enrolments e where e.la = ? and e.person_id = s.person_id
                              and e.laestab <> ?
                              and (e.to_date is null
                                   or (e.to_date >= ? and e.ended_reason is distinct from 'leaving date sent'
                                       and e.ended_reason is distinct from 'missing from full CTF'))
                              and not (s.enrol_status = 'M' and exists (
                                  select 1 from pupils other where other.la = e.la and other.person_id = e.person_id
                                  and other.laestab = e.laestab and other.enrol_status in ('M', 'S'))))""")
                .params(stagedAs, settings.la(), laestab, settings.la(), laestab, today.minusDays(tailDays))
                .update();
    }
}
