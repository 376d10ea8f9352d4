-- Schools, their upload credentials, received batches and the work queue.
-- Every row carries the LA code (la) so the schema can later be distributed by LA.

create table schools (
    la          char(3)     not null,
    laestab     char(7)     not null primary key,
    name        text,
    created_at  timestamptz not null default now()
);

-- Only the SHA-256 of a school's token is kept; the token itself is shown once when issued.
create table school_credentials (
    id            bigserial   primary key,
    la            char(3)     not null,
    laestab       char(7)     not null references schools (laestab),
    token_sha256  bytea       not null unique,
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);

create table batches (
    id               uuid        primary key,
    la               char(3)     not null,
    laestab          char(7)     not null references schools (laestab),
    client_batch_id  text        not null,
    kind             text        not null check (kind in ('ctf', 'attendance', 'exclusions')),
    source           text        not null check (source in ('api', 'import')),
    file_name        text,
    content_sha256   char(64)    not null,
    size_bytes       bigint      not null,
    stored_path      text        not null,
    status           text        not null check (status in ('queued', 'processing', 'completed', 'refused', 'failed')),
    received_at      timestamptz not null default now(),
    started_at       timestamptz,
    merged_at        timestamptz,
    completed_at     timestamptz,
    records_read     integer,
    records_imported integer,
    records_held     integer,
    report           jsonb,
    snapshot         text        check (snapshot in ('full', 'partial')),
    unique (laestab, client_batch_id)
);
create index batches_school_received on batches (laestab, received_at);

create table batch_findings (
    batch_id  uuid     not null references batches (id),
    la        char(3)  not null,
    seq       integer  not null,
    severity  text     not null check (severity in ('error', 'warning', 'file_error')),
    rule_id   text     not null,
    location  text,
    message   text     not null,
    primary key (batch_id, seq)
);

-- The work queue. A worker claims a job with FOR UPDATE SKIP LOCKED and holds the row lock while it works:
-- if the process dies the lock goes with its connection and another worker redoes the job.
create table jobs (
    id             bigserial   primary key,
    la             char(3)     not null,
    kind           text        not null,
    batch_id       uuid        references batches (id),
    status         text        not null default 'queued' check (status in ('queued', 'done', 'failed')),
    attempts       integer     not null default 0,
    visible_after  timestamptz not null default now(),
    last_error     text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index jobs_ready on jobs (visible_after, id) where status = 'queued';

-- Scheduled (nightly) work: one row per run.
create table job_runs (
    id           bigserial   primary key,
    la           char(3)     not null,
    name         text        not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    status       text        not null default 'running' check (status in ('running', 'succeeded', 'failed')),
    detail       jsonb
);
