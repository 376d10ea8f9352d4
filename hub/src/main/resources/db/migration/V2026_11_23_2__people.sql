-- The LA's person index, the school rolls, the pupils' current (minimised) records, held records and review.

create table persons (
    id              bigserial   primary key,
    la              char(3)     not null,
    register_id     text,
    legal_forename  text,
    legal_surname   text,
    dob             date,
    sex             text,
    postcode        text,
    origin          text        not null check (origin in ('register', 'review', 'school')),
    created_at      timestamptz not null default now(),
    unique (la, register_id)
);

-- Every identifier that leads to a person, with where it came from and how it was matched.
create table person_identifiers (
    la            char(3)     not null,
    kind          text        not null check (kind in ('UPN', 'FORMER_UPN', 'ULN')),
    value         text        not null,
    person_id     bigint      not null references persons (id),
    batch_id      uuid,
    rule          text        not null,
    score         numeric,
    confirmed_by  text,
    created_at    timestamptz not null default now(),
    primary key (la, kind, value)
);
create index person_identifiers_person on person_identifiers (person_id);

-- The school roll: one row per spell on a school's register.
create table enrolments (
    id             bigserial   primary key,
    la             char(3)     not null,
    person_id      bigint      not null references persons (id),
    laestab        char(7)     not null references schools (laestab),
    from_date      date        not null,
    to_date        date,
    started_batch  uuid,
    ended_batch    uuid,
    ended_reason   text
);
create unique index enrolments_open on enrolments (la, person_id, laestab) where to_date is null;

-- The pupil's current record as the school last sent it, minimised: only contacts with parental
-- responsibility and no court order are ever written here.
create table pupils (
    la              char(3)     not null,
    person_id       bigint      not null references persons (id),
    laestab         char(7)     not null references schools (laestab),
    upn             text        not null,
    uln             text,
    forename        text,
    surname         text,
    dob             date,
    sex             text,
    nc_year         text,
    enrol_status    text,
    admission_date  date,
    leaving_date    date,
    postcode        text,
    record          jsonb       not null,
    batch_id        uuid        not null,
    updated_at      timestamptz not null default now(),
    primary key (la, person_id, laestab)
);

-- Records not imported: unmatched, in the review band, or with errors. Kept with the reason until released.
create table held_records (
    id           bigserial   primary key,
    la           char(3)     not null,
    batch_id     uuid        not null references batches (id),
    laestab      char(7)     not null,
    feed         text        not null,
    location     text        not null,
    upn          text,
    reason       text        not null check (reason in ('UNMATCHED', 'REVIEW', 'ERROR', 'CONFLICT')),
    detail       text        not null,
    payload      jsonb,
    status       text        not null default 'held' check (status in ('held', 'released', 'superseded')),
    person_id    bigint      references persons (id),
    created_at   timestamptz not null default now(),
    released_at  timestamptz
);
create index held_records_open on held_records (la, upn) where status = 'held';

create table review_queue (
    id                   bigserial   primary key,
    la                   char(3)     not null,
    held_record_id       bigint      not null references held_records (id),
    candidate_person_id  bigint      references persons (id),
    rule                 text,
    score                numeric,
    status               text        not null default 'open' check (status in ('open', 'linked', 'new_person')),
    decided_by           text,
    decided_at           timestamptz,
    created_at           timestamptz not null default now()
);

-- Staging tables: COPY lands here, merges read from here. Unlogged: a crash loses them and the batch is redone.
create unlogged table stage_pupils (
    batch_id        uuid     not null,
    seq             integer  not null,
    upn             text     not null,
    former_upns     text[]   not null default '{}',
    uln             text,
    forename        text,
    surname         text,
    dob             date,
    sex             text,
    nc_year         text,
    enrol_status    text,
    admission_date  date,
    leaving_date    date,
    postcode        text,
    record          jsonb    not null,
    person_id       bigint,
    primary key (batch_id, seq)
);
