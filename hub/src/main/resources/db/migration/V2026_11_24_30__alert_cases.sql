-- Alert cases keyed by the core alert's case key (kind | school | UPN | situation), with the figure that shows how
-- bad the situation is, the evidence dates, the due date and who must act; every change to a case is an event.
alter table alert_cases
    add column case_key         text,
    add column severity         integer not null default 1,
    add column figure           numeric,
    add column figure_unit      text,
    add column first_evidence   date,
    add column last_evidence    date,
    add column due_on           date,
    add column responsible      text,
    add column updated_at       timestamptz not null default now();

create index alert_cases_key on alert_cases (la, case_key);
create index alert_cases_queue on alert_cases (la, kind, status);

create table alert_case_events (
    id        bigserial    primary key,
    la        char(3)      not null,
    case_id   bigint       not null references alert_cases (id),
    at        timestamptz  not null default now(),
    event     text         not null check (event in ('raised', 'updated', 'worsened', 'new_episode', 'assigned',
                                                     'acknowledged', 'resolved')),
    actor     text,
    detail    text
);
create index alert_case_events_case on alert_case_events (case_id, id);

-- Pupils a merged batch touched, waiting for the follow-up job that recomputes their alerts.
create table alert_recompute_pupils (
    batch_id   uuid    not null,
    person_id  bigint  not null,
    primary key (batch_id, person_id)
);

-- One open case per pupil at a school and kind (the core alert's pupil is a UPN at a school): a child on two rolls
-- can have a case at each.
drop index alert_cases_open;
create unique index alert_cases_open on alert_cases (la, person_id, kind, coalesce(laestab, '')) where status <> 'resolved';
