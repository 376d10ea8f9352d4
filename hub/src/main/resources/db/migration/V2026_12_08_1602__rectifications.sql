-- Rectification (docs/retention.md, "People's rights"): an LA officer's correction of one field of a person's record,
-- with its reason and evidence. It is part of the person's education record (deleted with them by retention and
-- erasure). It stands over the schools' records until the school it corrected sends a value different from the one
-- it had sent when the correction was made: then the school has changed its MIS, its new value wins, and the
-- correction is superseded.
create table rectifications (
    id                bigserial    primary key,
    la                char(3)      not null,
    person_id         bigint       not null references persons (id),
    field             text         not null check (field in ('forename', 'surname', 'dob', 'sex', 'postcode')),
    corrected_value   text         not null,
    -- The school whose record was corrected (the latest record of the person) and what it had sent, as text; both
    -- null when no school had sent a record of the person yet.
    laestab           char(7),
    school_value      text,
    reason            text         not null,
    evidence          text         not null,
    recorded_by       text         not null,
    recorded_role     text         not null,
    recorded_at       timestamptz  not null default now(),
    -- active: shown over the schools' values; superseded: the school sent a new value; replaced: a later correction
    -- of the same field took its place.
    status            text         not null default 'active' check (status in ('active', 'superseded', 'replaced')),
    ended_at          timestamptz,
    superseded_batch  uuid,
    superseding_value text
);
create unique index rectifications_active on rectifications (la, person_id, field) where status = 'active';
