-- The rules 1-5 cascade in the pipeline: how each pupil record was matched, what the review queue shows, and the
-- decisions people take on it.

-- The outcome of matching a staged pupil: the rule (and rule 5's weight) of a link, or why it is held and with
-- which candidates (a JSON array of {personId, rule, score, weights}).
alter table stage_pupils
    add column match_rule       text,
    add column match_score      numeric,
    add column match_decision   text,
    add column match_reason     text,
    add column match_candidates jsonb;

-- How the current record was matched, for the pupil page.
alter table pupils
    add column match_rule  text,
    add column match_score numeric;

-- A review item is one candidate for one held record. Not-a-match decisions stay as exclusions, so re-matching
-- never proposes the same person again for that record.
alter table review_queue drop constraint review_queue_status_check;
alter table review_queue
    add constraint review_queue_status_check
        check (status in ('open', 'linked', 'new_person', 'not_a_match', 'superseded')),
    add column why             text,
    add column field_weights   jsonb,
    add column decision_reason text,
    add column decided_person_id bigint references persons (id);
create index review_queue_open on review_queue (la, status, id);
create index review_queue_held on review_queue (held_record_id);

-- Rules 3-5 look people up by date of birth, postcode and surname.
create index persons_dob on persons (la, dob);
create index persons_postcode on persons (la, upper(replace(postcode, ' ', '')));
create index persons_surname on persons (la, upper(legal_surname));
