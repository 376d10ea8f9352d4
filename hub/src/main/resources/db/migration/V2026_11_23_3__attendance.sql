-- Session marks, stored one row per pupil per school per academic year (see docs/adr/0002).
-- marks has one character per session from 1 August: position 2*(day - 1 August) + (0 for AM, 1 for PM),
-- ' ' where no mark was sent. Two-character codes have one-character symbols (YearMarks in the hub).
create table attendance_years (
    la             char(3)     not null,
    person_id      bigint      not null references persons (id),
    laestab        char(7)     not null references schools (laestab),
    academic_year  smallint    not null,
    marks          text        not null,
    batch_id       uuid        not null,
    updated_at     timestamptz not null default now(),
    primary key (la, person_id, laestab, academic_year)
);

-- Who sent which code when: one row each time a stored mark changes.
create table mark_history (
    la          char(3)     not null,
    person_id   bigint      not null,
    laestab     char(7)     not null,
    day         date        not null,
    session     char(2)     not null,
    old_code    text        not null,
    new_code    text        not null,
    batch_id    uuid        not null,
    changed_at  timestamptz not null default now()
);
create index mark_history_person on mark_history (la, person_id, day);

create unlogged table stage_attendance (
    batch_id       uuid      not null,
    upn            text      not null,
    academic_year  smallint  not null,
    patch          text      not null,
    marks          integer   not null,
    person_id      bigint,
    primary key (batch_id, upn, academic_year)
);

create table exclusions (
    id                  bigserial   primary key,
    la                  char(3)     not null,
    person_id           bigint      not null references persons (id),
    laestab             char(7)     not null references schools (laestab),
    exclusion_ref       text        not null,
    category            text        not null,
    reason              text        not null,
    start_date          date        not null,
    end_date            date,
    sessions            integer,
    appeal_received     boolean,
    appeal_result       text,
    appeal_result_date  date,
    reinstatement_date  date,
    batch_id            uuid        not null,
    updated_at          timestamptz not null default now(),
    unique (la, laestab, exclusion_ref)
);

create unlogged table stage_exclusions (
    batch_id            uuid     not null,
    line                integer  not null,
    upn                 text     not null,
    exclusion_ref       text     not null,
    category            text     not null,
    reason              text     not null,
    start_date          date     not null,
    end_date            date,
    sessions            integer,
    appeal_received     boolean,
    appeal_result       text,
    appeal_result_date  date,
    reinstatement_date  date,
    person_id           bigint,
    primary key (batch_id, line)
);

-- Alerts an officer must act on, with their lifecycle.
create table alert_cases (
    id                bigserial   primary key,
    la                char(3)     not null,
    person_id         bigint      not null references persons (id),
    kind              text        not null,
    laestab           char(7),
    status            text        not null default 'raised'
                      check (status in ('raised', 'assigned', 'acknowledged', 'resolved')),
    detail            text,
    raised_at         timestamptz not null default now(),
    raised_by_batch   uuid,
    assigned_to       text,
    assigned_at       timestamptz,
    acknowledged_at   timestamptz,
    resolved_at       timestamptz,
    resolution        text
);
create unique index alert_cases_open on alert_cases (la, person_id, kind) where status <> 'resolved';
