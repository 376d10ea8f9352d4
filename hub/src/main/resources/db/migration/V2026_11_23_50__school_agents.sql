-- The school agent: enrolment codes, signed-request credentials, replay protection and the school's pause choice.

-- One-time enrolment codes an LA administrator gives a school; only their SHA-256 is kept.
create table enrolment_codes (
    id           bigserial   primary key,
    la           char(3)     not null,
    laestab      char(7)     not null references schools (laestab),
    code_sha256  bytea       not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz
);

-- A credential obtained by enrolment signs every request (HMAC-SHA256) instead of sending its secret.
-- key_id names it in requests; signing_key is derived from the secret, which itself is never stored.
alter table school_credentials add column key_id text unique;
alter table school_credentials add column signing_key bytea;
alter table school_credentials add column revoked_reason text;

-- Nonces of recently signed requests, kept a little longer than the accepted clock skew.
create table request_nonces (
    key_id      text        not null,
    nonce       text        not null,
    expires_at  timestamptz not null,
    primary key (key_id, nonce)
);
create index request_nonces_expiry on request_nonces (expires_at);

-- Every pause and resume, as the school chose it; the latest row is the current state.
create table school_pauses (
    id        bigserial   primary key,
    la        char(3)     not null,
    laestab   char(7)     not null references schools (laestab),
    paused    boolean     not null,
    reason    text,
    at        timestamptz not null default now()
);
create index school_pauses_latest on school_pauses (laestab, id desc);
