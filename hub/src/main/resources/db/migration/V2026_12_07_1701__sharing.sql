-- Onward sharing under agreements (docs/sharing.md): opt-outs and what was delivered.

-- A pupil's opt-out from one agreement: full ('none': nothing is shared) or restricted to name, address and date
-- of birth. Withdrawing it keeps the row (withdrawn_at), so the register shows the whole history.
create table share_optouts (
    id            bigserial   primary key,
    la            char(3)     not null,
    upn           text        not null,
    agreement     text        not null,
    restriction   text        not null check (restriction in ('none', 'name-address-dob')),
    requested_by  text        not null check (requested_by in ('parent', 'pupil', 'school')),
    requested_on  date        not null,
    evidence      text,
    recorded_by   text        not null,
    recorded_at   timestamptz not null default now(),
    withdrawn_on  date,
    withdrawn_by  text
);
create unique index share_optouts_open on share_optouts (la, upn, agreement) where withdrawn_on is null;

-- A school's opt-out from an agreement (the DfE daily feed): from the day given until it opts back in.
create table school_share_optouts (
    id            bigserial   primary key,
    la            char(3)     not null,
    laestab       char(7)     not null,
    agreement     text        not null,
    from_date     date        not null,
    to_date       date,
    recorded_by   text        not null,
    recorded_at   timestamptz not null default now()
);
create unique index school_share_optouts_open on school_share_optouts (la, laestab, agreement) where to_date is null;

-- Every file delivered under an agreement: a retry of the same day finds the row and delivers nothing again.
create table share_deliveries (
    id            bigserial   primary key,
    la            char(3)     not null,
    agreement     text        not null,
    as_of         date        not null,
    file          text        not null,
    sha256        char(64)    not null,
    row_count     integer     not null,
    delivered_at  timestamptz not null default now(),
    acknowledged_at timestamptz,
    unique (la, agreement, as_of, file)
);
