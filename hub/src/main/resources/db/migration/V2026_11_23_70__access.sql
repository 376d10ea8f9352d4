-- Organisations and their dated links, users and their roles, sign-in failures, OpenID Connect identities,
-- and the append-only audit log.

create table organisations (
    la          char(3)  not null,
    kind        text     not null check (kind in ('DFE', 'LA', 'TRUST', 'SCHOOL')),
    code        text     not null,
    name        text,
    primary key (kind, code)
);

-- A school's membership of its LA or, while an academy, its trust. Conversions and trust moves end one row
-- and start another.
create table organisation_links (
    id           bigserial  primary key,
    la           char(3)    not null,
    school       char(7)    not null,
    parent_kind  text       not null check (parent_kind in ('LA', 'TRUST')),
    parent_code  text       not null,
    from_date    date       not null,
    to_date      date,
    check (to_date is null or to_date >= from_date)
);
create index organisation_links_school on organisation_links (school);

create table users (
    id                 bigserial    primary key,
    la                 char(3)      not null,
    username           text         not null unique,
    display_name       text         not null,
    password_hash      text,
    totp_secret        text,
    totp_last_step     bigint,
    role               text         not null,
    organisation_kind  text         not null,
    organisation_code  text         not null,
    enabled            boolean      not null default true,
    created_at         timestamptz  not null default now()
);

-- Failed sign-ins against a known account, counted for the lockout window.
create table sign_in_failures (
    user_id  bigint       not null references users (id),
    at       timestamptz  not null default now()
);
create index sign_in_failures_user on sign_in_failures (user_id, at);

-- Users who sign in through the LA's identity provider: keyed on the issuer and its subject or e-mail.
create table oidc_identities (
    issuer   text    not null,
    claim    text    not null check (claim in ('sub', 'email')),
    value    text    not null,
    user_id  bigint  not null references users (id),
    primary key (issuer, claim, value)
);

-- Append-only: the trigger refuses every update and delete, so a row once written stays as written.
create table audit_events (
    id         bigserial    primary key,
    la         char(3)      not null,
    at         timestamptz  not null default now(),
    actor      text,
    role       text,
    action     text         not null,
    subject    text,
    reason     text,
    detail     text,
    outcome    text         not null default 'ok'
);
create index audit_events_at on audit_events (at);
create index audit_events_subject on audit_events (subject);

create function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_events is append-only: % refused', tg_op;
end;
$$;
create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_refuse_change();
create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_refuse_change();
