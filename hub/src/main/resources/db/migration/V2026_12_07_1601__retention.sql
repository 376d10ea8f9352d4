-- Retention (docs/retention.md): what the hub must remember to know when a person's records may go, legal holds,
-- the runs that delete, and the audit log's one permitted change: reducing a deleted person's rows to tombstones.

-- That a person was ever looked after or on a child protection plan. The CTF flag and children's social care's list
-- describe only the present (each social care load replaces the list), but the 75- and 40-year periods run long
-- after both have moved on, so the fact is kept here as soon as it is seen. For child protection, ended is the
-- latest end date the list gave (null while the plan was open when last seen) and seen_on the last day it was seen.
create table retention_facts (
    la         char(3)  not null,
    person_id  bigint   not null references persons (id),
    category   text     not null check (category in ('looked-after', 'child-protection')),
    ended      date,
    seen_on    date     not null,
    primary key (la, person_id, category)
);

create function retention_facts_from_social_care() returns trigger language plpgsql as $$
begin
    insert into retention_facts (la, person_id, category, ended, seen_on)
    select la, person_id, 'child-protection', case when bool_or(end_date is null) then null else max(end_date) end,
           current_date
    from changed_new where child_protection group by la, person_id
    on conflict (la, person_id, category) do update
        set ended = excluded.ended, seen_on = greatest(retention_facts.seen_on, excluded.seen_on);
    insert into retention_facts (la, person_id, category, ended, seen_on)
    select distinct la, person_id, 'looked-after', null::date, current_date from changed_new where looked_after
    on conflict (la, person_id, category) do update set seen_on = excluded.seen_on;
    return null;
end $$;
create trigger social_care_cases_retention after insert on social_care_cases
    referencing new table as changed_new
    for each statement execute function retention_facts_from_social_care();

create function retention_facts_from_pupils() returns trigger language plpgsql as $$
begin
    insert into retention_facts (la, person_id, category, ended, seen_on)
    select distinct la, person_id, 'looked-after', null::date, current_date from changed_new where looked_after
    on conflict (la, person_id, category) do update set seen_on = excluded.seen_on;
    return null;
end $$;
create trigger pupils_retention_inserted after insert on pupils
    referencing new table as changed_new
    for each statement execute function retention_facts_from_pupils();
create trigger pupils_retention_updated after update on pupils
    referencing new table as changed_new
    for each statement execute function retention_facts_from_pupils();

insert into retention_facts (la, person_id, category, ended, seen_on)
select la, person_id, 'child-protection', case when bool_or(end_date is null) then null else max(end_date) end,
       current_date
from social_care_cases where child_protection group by la, person_id;
insert into retention_facts (la, person_id, category, ended, seen_on)
select distinct la, person_id, 'looked-after', null::date, current_date from (
    select la, person_id from social_care_cases where looked_after
    union select la, person_id from pupils where looked_after) f;

-- A legal hold keeps a person's records past their period until an administrator releases it.
create table legal_holds (
    id              bigserial    primary key,
    la              char(3)      not null,
    person_id       bigint       not null references persons (id),
    reason          text         not null,
    review_on       date         not null,
    held_by         text         not null,
    held_at         timestamptz  not null default now(),
    released_by     text,
    released_at     timestamptz,
    release_reason  text
);
create unique index legal_holds_active on legal_holds (la, person_id) where released_at is null;

-- One row per run. A real run fixes its list of due people first (retention_run_persons), then deletes them a
-- slice at a time, each slice in its own short transaction that also marks its people done: a run that stops
-- half-way is taken up again from that list.
create table retention_runs (
    id           bigserial    primary key,
    la           char(3)      not null,
    as_of        date         not null,
    dry_run      boolean      not null,
    started_by   text         not null,
    started_at   timestamptz  not null default now(),
    finished_at  timestamptz,
    status       text         not null default 'running' check (status in ('running', 'succeeded', 'failed')),
    report       jsonb,
    error        text
);
create index retention_runs_latest on retention_runs (la, id desc);

create table retention_run_persons (
    run_id     bigint  not null references retention_runs (id),
    person_id  bigint  not null,
    category   text    not null,
    state      text    not null check (state in ('due', 'on-hold', 'deleted')),
    primary key (run_id, person_id)
);

-- Raw uploads that held a deleted person's records: their files are removed after the slice commits.
alter table batches add column upload_erased_at timestamptz;
create table retention_upload_erasures (
    batch_id     uuid  primary key references batches (id),
    stored_path  text  not null
);

-- The audit log stays append-only except for one change: a row about a deleted person may be reduced, once, to a
-- tombstone keeping who, when and what kind of event (subject keeps only its kind, e.g. "person"), with reason
-- and detail gone. Every other update, every delete and truncate are still refused.
alter table audit_events add column erased_on date;

create or replace function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.erased_on is null and new.erased_on is not null
       and new.id = old.id and new.la = old.la and new.at = old.at
       and new.actor is not distinct from old.actor and new.role is not distinct from old.role
       and new.action = old.action and new.outcome = old.outcome
       and new.subject is not distinct from split_part(old.subject, ':', 1)
       and new.reason is null and new.detail is null then
        return new;
    end if;
    raise exception 'audit_events is append-only: % refused', tg_op;
end;
$$;

-- Deleting a person finds their rows (and PostgreSQL checks nothing still refers to them) by person id alone.
create index pupils_person on pupils (person_id);
create index attendance_years_person on attendance_years (person_id);
create index enrolments_person on enrolments (person_id);
create index exclusions_person on exclusions (person_id);
create index held_records_person on held_records (person_id);
create index review_queue_candidate on review_queue (candidate_person_id);
create index review_queue_decided on review_queue (decided_person_id);
create index alert_cases_person on alert_cases (person_id);
create index social_care_cases_person_only on social_care_cases (person_id);
create index retention_facts_person on retention_facts (person_id);
create index legal_holds_person on legal_holds (person_id);
create index batch_findings_upn on batch_findings (upn) where upn is not null;
